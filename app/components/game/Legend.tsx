import { legendFor, type ScreenLook } from './look';
import { NodeShape } from './NodeShape';

/** Shape = role, spelled out once, so nobody has to rely on colour. */
export function Legend({ look, size }: { look: ScreenLook; size: 'large' | 'small' }) {
  const items = legendFor(look.roles, look.words.legend);
  // Seven entries (Bully) still fit on one line under the projector's ring.
  const large = items.length > 6 ? 'gap-x-4 gap-y-2 text-base' : 'gap-x-6 gap-y-2 text-lg';
  return (
    <ul aria-label="Legend" className={`flex flex-wrap items-center justify-center font-black tracking-wider text-mist ${size === 'large' ? large : 'gap-x-3 gap-y-1 text-xs'}`}>
      {items.map(({ look: shape, word }) => (
        <li key={word} className="flex items-center gap-1.5">
          <svg viewBox="-40 -46 80 86" className={size === 'large' ? 'size-9' : 'size-5'} aria-hidden>
            <NodeShape look={shape} size={26} crossed={word === 'DOWN'} frozen={word === 'PAUSED'} />
          </svg>
          {word}
        </li>
      ))}
    </ul>
  );
}
