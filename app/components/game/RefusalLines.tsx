import { memo } from 'react';
import type { RefusalLine } from '@/shared/game/refusal-lines';
import type { PanelSize } from './TeamPanels';

const SIZES: Record<PanelSize, string> = { large: 'text-3xl', medium: 'text-[28px]', small: 'text-sm' };

/** Why clicks were refused, one line each: who tried what, which rule, why (issue 8). */
export const RefusalLines = memo(function RefusalLines({ refusals, size, limit }: { refusals: RefusalLine[]; size: PanelSize; limit: number }) {
  if (refusals.length === 0) return null;
  const lines = refusals.slice(-limit).reverse();
  return (
    <ul aria-label="Refused moves" data-testid="refusal-lines" className="flex flex-col gap-1.5">
      {lines.map((r, i) => (
        <li key={`${r.at}-${r.node}-${i}`} data-testid="refusal-line" className={`rounded-xl border-l-8 border-coral bg-coral/10 px-3 py-1.5 leading-snug text-foam ${SIZES[size]} ${i > 0 ? 'opacity-75' : ''}`}>
          <span className="font-black text-brass">{r.node}</span>
          <span className="text-mist"> ({r.nickname}{r.bot ? ', bot' : ''})</span> tried to <span className="font-bold">{r.move}</span>:{' '}
          <span className="font-black text-coral">refused by {r.rule}</span>
          {size === 'small' ? null : <span className="block text-mist">“{r.why}”</span>}
        </li>
      ))}
    </ul>
  );
});
