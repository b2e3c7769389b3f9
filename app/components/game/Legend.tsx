import { memo } from 'react';
import { legendFor, type ScreenLook } from './look';
import { NodeShape } from './NodeShape';

/** Shape = role, spelled out once, so nobody has to rely on colour. */
export const Legend = memo(function Legend({ look, size }: { look: ScreenLook; size: 'large' | 'small' }) {
  const items = legendFor(look.roles, look.words.legend);
  // 28 px at 1920x1080 (issue 8): seven entries (Bully) take two lines.
  const large = 'gap-x-6 gap-y-1 text-[28px]';
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
});
