import type { MoveOption } from '@/shared/game/seat-view';

type Props = {
  option: MoveOption;
  onPress: (option: MoveOption) => void;
  pending: boolean;
  /** Key hint, drawn on wide screens only (a phone has no keyboard). */
  hint?: string;
  /** What the rules expect of the node now: drawn with a glowing ring. */
  urgent?: boolean;
  /** A quieter style for the "no" answers (Refuse, Release). */
  secondary?: boolean;
  /** Hide the reason line (a group shows one reason for all its buttons). */
  compact?: boolean;
  /** Visible text when it differs from the accessible label (e.g. "N" for "Steer N"). */
  text?: string;
};

export function LockIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" className={className} aria-hidden>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

/**
 * One move. A locked move stays clickable: the server's answer (the rule and its sentence)
 * is the lesson. Its reason is shown under it and read out by screen readers.
 */
export function MoveButton({ option, onPress, pending, hint, urgent, secondary, compact, text }: Props) {
  const reasonId = `reason-${option.id.replace(/[^\w-]/g, '_')}`;
  const locked = !option.allowed;
  const tone = locked
    ? 'bg-deck/40 text-mist ring-1 ring-mist/30 hover:bg-deck/70'
    : secondary
      ? 'bg-navy text-foam ring-2 ring-foam/70 hover:bg-deck'
      : 'bg-brass text-abyss shadow-lg hover:bg-brass-dark';
  return (
    <button
      type="button"
      onClick={() => onPress(option)}
      disabled={pending}
      aria-label={option.label}
      aria-describedby={locked && option.refusal && !compact ? reasonId : undefined}
      data-allowed={option.allowed}
      data-testid={`move-${option.id}`}
      data-urgent={urgent && !locked ? true : undefined}
      className={`relative flex min-h-14 w-full flex-col justify-center rounded-2xl px-4 py-2 text-left transition active:scale-[0.98] disabled:cursor-wait disabled:opacity-70 ${tone}`}
    >
      {/* What the rules expect now: a pulsing halo, so the button itself stays fully readable. */}
      {urgent && !locked ? <span className="pointer-events-none absolute -inset-1.5 animate-pulse rounded-[1.25rem] ring-4 ring-brass/70" aria-hidden /> : null}
      <span className="flex w-full items-center gap-2">
        {locked ? <LockIcon className="size-5 shrink-0" /> : null}
        <span className={`min-w-0 flex-1 font-black ${text ? 'text-center text-2xl' : compact ? 'text-lg leading-tight [overflow-wrap:anywhere]' : 'text-xl'}`}>{pending ? 'Sending…' : (text ?? option.label)}</span>
        {hint ? <kbd className="hidden rounded-md border border-current/40 px-1.5 font-mono text-sm font-bold opacity-80 @3xl:inline">{hint}</kbd> : null}
      </span>
      {locked && option.refusal && !compact ? (
        <span id={reasonId} className="mt-0.5 line-clamp-1 text-sm @3xl:line-clamp-2 leading-snug font-semibold text-mist/90">
          <span className="font-black text-foam/80">{option.refusal.rule}</span> · {option.refusal.message}
        </span>
      ) : null}
    </button>
  );
}
