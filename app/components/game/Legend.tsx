import { legendFor } from './look';
import { NodeShape } from './NodeShape';

/** Shape = role, spelled out once, so nobody has to rely on colour. */
export function Legend({ algorithm, size }: { algorithm: string; size: 'large' | 'small' }) {
  return (
    <ul aria-label="Legend" className={`flex flex-wrap items-center justify-center font-black tracking-wider text-mist ${size === 'large' ? 'gap-x-6 gap-y-2 text-lg' : 'gap-x-3 gap-y-1 text-xs'}`}>
      {legendFor(algorithm).map(({ look, word }) => (
        <li key={word} className="flex items-center gap-1.5">
          <svg viewBox="-40 -46 80 86" className={size === 'large' ? 'size-9' : 'size-5'} aria-hidden>
            <NodeShape look={look} size={26} crossed={word === 'DOWN'} frozen={word === 'PAUSED'} />
          </svg>
          {word}
        </li>
      ))}
    </ul>
  );
}
