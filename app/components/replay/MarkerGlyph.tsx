import type { MarkerShape } from '@/shared/replay/marker-kinds';

/** A marker's shape in a 20x20 box centred on (0,0): shape AND colour tell the kind. */
export function MarkerGlyph({ shape, colour, size = 14 }: { shape: MarkerShape; colour: string; size?: number }) {
  const s = size / 20;
  const stroke = { stroke: colour, strokeWidth: 3 / s, fill: 'none', strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };
  const solid = { fill: colour, stroke: '#06142b', strokeWidth: 1.5 / s };
  return (
    <g transform={`scale(${s})`} aria-hidden>
      {shape === 'crown' ? <path d="M-9 6 L-9 -5 L-4.5 0 L0 -8 L4.5 0 L9 -5 L9 6 Z" {...solid} /> : null}
      {shape === 'triangle-down' ? <path d="M-8 -6 L8 -6 L0 8 Z" {...solid} /> : null}
      {shape === 'cross' ? <path d="M-7 -7 L7 7 M7 -7 L-7 7" {...stroke} /> : null}
      {shape === 'circle' ? <circle r="7" {...solid} /> : null}
      {shape === 'bars' ? <path d="M-4 -7 L-4 7 M4 -7 L4 7" {...stroke} /> : null}
      {shape === 'play' ? <path d="M-6 -8 L8 0 L-6 8 Z" {...solid} /> : null}
      {shape === 'slash' ? <path d="M-4 8 L4 -8 M-9 0 L-6 0 M6 0 L9 0" {...stroke} /> : null}
      {shape === 'link' ? <path d="M-9 0 L9 0 M-5 -5 L-5 5 M5 -5 L5 5" {...stroke} /> : null}
      {shape === 'bolt' ? <path d="M3 -10 L-8 2 L-1 2 L-3 10 L8 -2 L1 -2 Z" {...solid} strokeWidth={0.8 / s} /> : null}
      {shape === 'warning' ? <path d="M0 -9 L9 8 L-9 8 Z M0 -3 L0 3" {...solid} /> : null}
      {shape === 'square' ? <rect x="-6" y="-6" width="12" height="12" {...solid} /> : null}
      {shape === 'check' ? <path d="M-7 0 L-2 6 L8 -7" {...stroke} /> : null}
      {shape === 'swap' ? <path d="M-8 -3 L8 -3 L4 -7 M8 3 L-8 3 L-4 7" {...stroke} /> : null}
    </g>
  );
}
