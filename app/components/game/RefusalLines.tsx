import { memo } from 'react';
import type { RefusalLine } from '@/shared/game/refusal-lines';
import type { PanelSize } from './TeamPanels';

const SIZES: Record<PanelSize, string> = { large: 'text-[28px]', medium: 'text-[28px]', small: 'text-sm' };
/** Older lines fade: the newest is the one being talked about. */
const FADE = ['opacity-100', 'opacity-70', 'opacity-45', 'opacity-30'];

/**
 * Why clicks were refused (issue 8), newest first: who tried what, which rule, why. The
 * newest, the one the class is looking at, is the whole sentence in up to two lines; the
 * older ones fade and keep to one line each, shortened ("B: stand for election ✗ R3 ·
 * …") and cut with "…" at the right (the whole sentence is the line's title).
 */
export const RefusalLines = memo(function RefusalLines({ refusals, size, limit }: { refusals: RefusalLine[]; size: PanelSize; limit: number }) {
  if (refusals.length === 0) return null;
  const lines = refusals.slice(-limit).reverse();
  return (
    <ul aria-label="Refused moves" data-testid="refusal-lines" className="flex flex-col gap-1">
      {lines.map((r, i) => {
        const sentence = `${r.node} (${r.nickname}${r.bot ? ', bot' : ''}) tried to ${r.move}: refused by ${r.rule}. ${r.why}`;
        return (
          <li key={`${r.at}-${r.node}-${i}`} data-testid="refusal-line" title={sentence} className={`rounded-xl border-l-8 border-coral bg-coral/10 px-3 py-1 leading-snug text-foam ${SIZES[size]} ${FADE[i] ?? FADE[FADE.length - 1]} ${i === 0 ? 'line-clamp-2' : 'truncate'}`}>
            {i === 0 || size === 'small' ? (
              <>
                <span className="font-black text-brass">{r.node}</span>
                <span className="text-mist"> ({r.nickname}{r.bot ? ', bot' : ''})</span> tried to <span className="font-bold">{r.move}</span>:{' '}
                <span className="font-black text-coral">refused by {r.rule}</span>
                {size === 'small' ? null : <span className="text-mist"> · {r.why}</span>}
              </>
            ) : (
              // An older line in one line: node, move and rule first, so a cut takes only the reason.
              <>
                <span className="font-black text-brass">{r.node}</span>: <span className="font-bold">{r.move}</span> <span className="font-black text-coral">✗ {r.rule}</span>
                <span className="text-mist"> · {r.why}</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
});
