import type { Refusal } from '@/shared/protocol';

/** The server's "no", in its own words, next to the control that asked. */
export function RefusalNote({ refusal, onDismiss }: { refusal: Refusal | null; onDismiss?: () => void }) {
  if (!refusal) return null;
  return (
    <p role="alert" data-testid="host-refusal" className="flex items-start gap-2 rounded-xl bg-coral/15 px-3 py-2 text-base font-semibold text-coral">
      <span className="flex-1">
        {refusal.rule ? <span className="mr-1 rounded bg-coral px-1.5 font-black text-abyss">{refusal.rule}</span> : null}
        {refusal.message}
      </span>
      {onDismiss ? (
        <button type="button" onClick={onDismiss} aria-label="Dismiss" className="shrink-0 rounded px-1 font-black hover:bg-coral/20">
          ×
        </button>
      ) : null}
    </p>
  );
}
