import { memo } from 'react';
import type { TickerView } from '@/shared/game/screen-view';
import { clockFace } from './look';
import type { PanelSize } from './TeamPanels';

/** Alarm (split brain, stale write) in coral, headline news in brass, notable in foam, routine quieter. */
const TONE: Record<number, string> = { 3: 'border-coral bg-coral/20 text-foam', 2: 'border-brass bg-brass/10 text-foam', 1: 'border-wave bg-navy/90 text-foam', 0: 'border-mist/40 bg-navy/90 text-foam' };
const LINE_TONE: Record<number, string> = { 3: 'font-bold text-coral', 2: 'font-bold text-foam', 1: 'text-foam', 0: 'text-mist' };

const SIZES: Record<PanelSize, { headline: string; line: string; time: string }> = {
  large: { headline: 'text-4xl', line: 'text-3xl', time: 'text-[28px]' },
  medium: { headline: 'text-3xl', line: 'text-[28px]', time: 'text-[28px]' },
  small: { headline: 'text-base', line: 'text-sm', time: 'text-xs' },
};

type Props = { ticker: TickerView[]; headline: TickerView | null; size: PanelSize; limit: number; fill?: boolean };

/**
 * What happened: the headline (the most important recent event, held until something as
 * important happens: shared/game/ticker.ts) on top, then the other lines newest first,
 * routine repeats already grouped ("3 votes for B in term 2").
 */
export const Ticker = memo(function Ticker({ ticker, headline, size, limit, fill = false }: Props) {
  const s = SIZES[size];
  const top = headline ?? ticker[ticker.length - 1] ?? null;
  const rest = ticker.filter((line) => !(top && line.at === top.at && line.text === top.text)).slice(-limit).reverse();
  if (!top) return <p data-testid="ticker" className={`text-mist ${s.line}`}>Waiting for the first move…</p>;
  return (
    <div data-testid="ticker" aria-label="What happened" className={`flex min-h-0 flex-col gap-2 ${fill ? 'flex-1' : ''}`}>
      <p data-testid="ticker-headline" data-weight={top.weight} aria-live="polite" className={`rounded-xl border-l-8 px-3 py-2 leading-snug font-black ${TONE[top.weight] ?? TONE[1]} ${s.headline}`}>
        <span className={`mr-3 font-mono tabular-nums opacity-70 ${s.time}`}>{clockFace(top.at)}</span>
        {top.text}
      </p>
      <ol className={`flex min-h-0 flex-col gap-1.5 overflow-hidden ${fill ? 'flex-1 [mask-image:linear-gradient(to_bottom,black_85%,transparent)]' : ''}`}>
        {rest.map((line) => (
          <li key={`${line.at}-${line.text}`} data-weight={line.weight} className={`flex gap-3 leading-snug ${LINE_TONE[line.weight] ?? LINE_TONE[1]} ${s.line}`}>
            <span className={`shrink-0 font-mono tabular-nums opacity-70 ${s.time}`}>{clockFace(line.at)}</span>
            <span>{line.text}</span>
          </li>
        ))}
      </ol>
    </div>
  );
});
