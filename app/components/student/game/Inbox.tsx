import type { InboxLine, InboxTone } from '@/shared/rules/module';

const TONES: Record<InboxTone, { mark: string; className: string; name: string }> = {
  ask: { mark: '?', className: 'bg-sky-300 text-abyss', name: 'A request' },
  good: { mark: '✓', className: 'bg-kelp text-abyss', name: 'Good news' },
  bad: { mark: '✕', className: 'bg-coral text-abyss', name: 'Bad news' },
  info: { mark: '•', className: 'bg-mist/30 text-foam', name: 'News' },
};

function ago(ms: number): string {
  if (ms < 1000) return 'just now';
  return ms < 60_000 ? `${Math.floor(ms / 1000)} s ago` : `${Math.floor(ms / 60_000)} min ago`;
}

/** The messages that reached this node, newest first, in plain words. */
/** `roomTime` null: the round is over and its clock no longer counts, so no "s ago". */
export function Inbox({ lines, roomTime }: { lines: InboxLine[]; roomTime: number | null }) {
  return (
    <section className="w-full rounded-3xl bg-navy/70 p-4 ring-1 ring-mist/20" aria-labelledby="inbox-title">
      <h2 id="inbox-title" className="mb-2 text-sm font-black tracking-widest text-mist uppercase">Your inbox</h2>
      {lines.length === 0 ? (
        <p className="text-base text-mist">No message has reached you yet.</p>
      ) : (
        <ol className="flex flex-col gap-1.5" data-testid="inbox">
          {lines.map((line, i) => (
            <li key={line.key} className={`flex items-center gap-3 ${i === 0 ? 'text-foam' : 'text-foam/80'}`}>
              <span role="img" className={`grid size-7 shrink-0 place-items-center rounded-full text-base font-black ${TONES[line.tone].className}`} aria-label={TONES[line.tone].name}>
                {TONES[line.tone].mark}
              </span>
              <span className={`flex-1 text-base leading-snug ${i === 0 ? 'font-bold' : 'font-semibold'}`}>{line.text}</span>
              {line.at !== null && roomTime !== null ? <span className="shrink-0 text-sm text-mist tabular-nums">{ago(Math.max(0, roomTime - line.at))}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
