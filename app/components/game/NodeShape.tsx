import type { Look } from './look';

/** A hexagon of radius r centred on 0,0, flat side up (a ship's wheel hub, roughly). */
function hexagon(r: number): string {
  return Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i;
    return `${(Math.cos(a) * r).toFixed(1)},${(Math.sin(a) * r).toFixed(1)}`;
  }).join(' ');
}

function crown(s: number, y: number): string {
  const w = s * 0.62;
  const h = s * 0.5;
  return `M ${-w} ${y} L ${-w} ${y - h} L ${-w / 2} ${y - h * 0.55} L 0 ${y - h * 1.05} L ${w / 2} ${y - h * 0.55} L ${w} ${y - h} L ${w} ${y} Z`;
}

/**
 * The node's body, drawn around 0,0: circle (follower), diamond (candidate), square
 * (waiting), crowned hexagon (leader, lease holder), dashed hexagon with a warning
 * (believes it leads without the lease). `crossed` adds the X of a crashed node.
 */
export function NodeShape({ look, size: s, crossed, frozen }: { look: Look; size: number; crossed: boolean; frozen: boolean }) {
  const common = {
    fill: look.fill,
    stroke: look.stroke,
    strokeWidth: Math.max(3, s * 0.08),
    strokeDasharray: look.dashed ? `${s * 0.22} ${s * 0.14}` : undefined,
  };
  let body;
  switch (look.shape) {
    case 'circle':
      body = <circle r={s} {...common} />;
      break;
    case 'diamond':
      body = <polygon points={`0,${-s * 1.22} ${s * 1.22},0 0,${s * 1.22} ${-s * 1.22},0`} strokeLinejoin="round" {...common} />;
      break;
    case 'square':
      body = <rect x={-s * 0.92} y={-s * 0.92} width={s * 1.84} height={s * 1.84} rx={s * 0.22} {...common} />;
      break;
    case 'crown':
    case 'warning':
      body = (
        <>
          <polygon points={hexagon(s * 1.14)} strokeLinejoin="round" {...common} />
          <path d={crown(s, -s * 1.02)} fill={look.shape === 'crown' ? look.fill : 'none'} stroke={look.stroke} strokeWidth={common.strokeWidth} strokeLinejoin="round" strokeDasharray={common.strokeDasharray} />
        </>
      );
      break;
  }
  return (
    <>
      {body}
      {crossed ? (
        <g stroke="#8793a3" strokeWidth={s * 0.14} strokeLinecap="round">
          <line x1={-s * 0.62} y1={-s * 0.62} x2={s * 0.62} y2={s * 0.62} />
          <line x1={s * 0.62} y1={-s * 0.62} x2={-s * 0.62} y2={s * 0.62} />
        </g>
      ) : null}
      {frozen ? <Snowflake x={-s * 0.98} y={-s * 0.82} r={s * 0.36} /> : null}
      {look.shape === 'warning' ? <WarningSign x={s * 0.98} y={-s * 0.86} r={s * 0.4} /> : null}
    </>
  );
}

/** Drawn, not typed: emoji fonts differ from one projector laptop to the next. */
function Snowflake({ x, y, r }: { x: number; y: number; r: number }) {
  return (
    <g transform={`translate(${x}, ${y})`} aria-hidden>
      <circle r={r * 1.25} fill="#06142b" stroke="#8fe3ff" strokeWidth={r * 0.16} />
      <g stroke="#8fe3ff" strokeWidth={r * 0.2} strokeLinecap="round">
        {[0, 60, 120].map((a) => (
          <g key={a} transform={`rotate(${a})`}>
            <line x1={0} y1={-r} x2={0} y2={r} />
            <line x1={-r * 0.3} y1={-r * 0.75} x2={0} y2={-r * 0.45} />
            <line x1={r * 0.3} y1={-r * 0.75} x2={0} y2={-r * 0.45} />
            <line x1={-r * 0.3} y1={r * 0.75} x2={0} y2={r * 0.45} />
            <line x1={r * 0.3} y1={r * 0.75} x2={0} y2={r * 0.45} />
          </g>
        ))}
      </g>
    </g>
  );
}

function WarningSign({ x, y, r }: { x: number; y: number; r: number }) {
  return (
    <g transform={`translate(${x}, ${y})`} aria-hidden>
      <polygon points={`0,${-r * 1.1} ${r * 1.15},${r * 0.9} ${-r * 1.15},${r * 0.9}`} fill="#ef5b5b" stroke="#06142b" strokeWidth={r * 0.15} strokeLinejoin="round" />
      <text y={r * 0.28} fontSize={r * 1.3} fontWeight={900} textAnchor="middle" dominantBaseline="central" fill="#06142b">
        !
      </text>
    </g>
  );
}

/** A small clock face, for the skew badge. */
export function ClockIcon({ x, y, r, colour }: { x: number; y: number; r: number; colour: string }) {
  return (
    <g transform={`translate(${x}, ${y})`} fill="none" stroke={colour} strokeWidth={r * 0.22} strokeLinecap="round" aria-hidden>
      <circle r={r} />
      <line x1={0} y1={0} x2={0} y2={-r * 0.6} />
      <line x1={0} y1={0} x2={r * 0.45} y2={r * 0.2} />
    </g>
  );
}
