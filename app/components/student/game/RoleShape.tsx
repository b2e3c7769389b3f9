/**
 * A node drawn by its role, as the projector draws it (the same role table, the same
 * shapes and colours: app/components/game/look.ts), with the node's label written inside.
 * Crashed and paused nodes keep their shape, greyed or iced.
 */
import type { RoleTable } from '@/shared/rules/module';
import type { NodeStatus } from '@/shared/rules/types';
import { lookOf } from '../../game/look';
import { NodeShape } from '../../game/NodeShape';

const SIZE = 38;

export function RoleShape({ roles, role, label, status = 'live', className = 'size-24' }: { roles: RoleTable; role: string; label: string; status?: NodeStatus; className?: string }) {
  const look = lookOf({ role, status }, roles);
  const fontSize = SIZE * (label.length > 2 ? 0.62 : label.length > 1 ? 0.8 : 1);
  return (
    <svg viewBox="-52 -60 104 110" className={className} aria-hidden>
      <NodeShape look={look} size={SIZE} crossed={status === 'crashed'} frozen={status === 'paused'} />
      <text y={SIZE * 0.05} textAnchor="middle" dominantBaseline="central" fontSize={fontSize} fontWeight={900} fill={look.ink}>
        {label}
      </text>
    </svg>
  );
}
