import type { NodeSummary } from '@/shared/rules/module';

/** The end of a round: who led as far as this node knew, and where the node ended. */
export function RoundOver({ summary, roleWord }: { summary: NodeSummary | null; roleWord: string }) {
  const led = summary?.facts.find((f) => f.id === 'leader' || f.id === 'holder');
  return (
    <section aria-live="polite" className="w-full rounded-3xl border-4 border-brass bg-navy p-5 text-center" data-testid="round-over">
      <p className="text-3xl font-black text-brass">Round over</p>
      {summary ? (
        <div className="mt-3 flex flex-wrap justify-center gap-x-6 gap-y-2 text-lg">
          {led ? (
            <p>
              <span className="text-mist">{led.id === 'holder' ? 'Last heard: ' : `${led.label}: `}</span>
              <span className="font-black text-foam">{led.value}</span>
            </p>
          ) : null}
          <p>
            <span className="text-mist">You ended as </span>
            <span className="font-black text-foam">{roleWord.toLowerCase()}</span>
            <span className="text-mist">, {summary.headline.label.toLowerCase()} </span>
            <span className="font-black text-foam">{summary.headline.value}</span>
          </p>
        </div>
      ) : null}
      <p className="mt-3 text-base text-mist">Look at the projector: the teacher will talk it through, then start the next round.</p>
    </section>
  );
}
