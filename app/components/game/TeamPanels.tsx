import { memo } from 'react';
import type { TruthTeam } from '@/shared/game/screen-view';
import { seconds, type ScreenLook } from './look';

export type PanelSize = 'large' | 'medium' | 'small';

/** Safety alerts (split brain, stale leader): the loudest thing on the screen. */
export const TeamAlerts = memo(function TeamAlerts({ alerts, size }: { alerts: string[]; size: PanelSize }) {
  if (alerts.length === 0) return null;
  return (
    <ul role="alert" data-testid="team-alerts" className="flex flex-col gap-2">
      {alerts.map((alert, i) => (
        <li key={i} className={`flex items-start gap-3 rounded-2xl border-4 border-coral bg-coral/20 font-black text-foam ${{ large: 'p-4 text-3xl', medium: 'p-2 text-[28px] leading-tight', small: 'p-2 text-base' }[size]}`}>
          <span aria-hidden className="text-coral">⚠</span>
          {/* A team tile (medium) has room for two lines; the whole sentence is in the title. */}
          <span className={size === 'medium' ? 'line-clamp-2' : undefined} title={alert}>{alert}</span>
        </li>
      ))}
    </ul>
  );
});

/** The cluster's counters: how lively and how healthy the round has been. */
export const TeamCounters = memo(function TeamCounters({ team, look, size, columns = 4 }: { team: TruthTeam; look: ScreenLook; size: PanelSize; columns?: 2 | 4 }) {
  const c = team.counters;
  const items = [
    { label: look.words.elections, value: String(c.elections) },
    { label: 'Messages sent', value: String(c.messagesSent), note: c.messagesDropped > 0 ? `${c.messagesDropped} lost` : undefined },
    { label: 'Refused moves', value: String(c.refusedMoves) },
    { label: 'Without a leader', value: seconds(Math.round(c.leaderlessMs / 1000) * 1000) },
  ];
  return (
    <dl data-testid="team-counters" className={`grid ${columns === 2 ? 'grid-cols-2' : 'grid-cols-4'} ${size === 'large' ? 'gap-3' : 'gap-1.5'}`}>
      {items.map((item) => (
        <div key={item.label} className={`flex flex-col rounded-xl bg-navy/90 ${size === 'small' ? 'px-2 py-1' : 'px-3 py-2'}`}>
          <dt className={`order-2 leading-tight font-bold text-mist ${{ large: 'text-[28px]', medium: 'text-[28px]', small: 'text-[0.7rem]' }[size]}`}>
            {item.label}
            {item.note ? <span className="block text-coral">{item.note}</span> : null}
          </dt>
          <dd className={`order-1 font-black text-foam tabular-nums ${{ large: 'text-4xl', medium: 'text-3xl', small: 'text-xl' }[size]}`}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
});

/** Lease: the writes the storage saw, with their fencing tokens (a stale one is the bug). */
export const LeaseWrites = memo(function LeaseWrites({ lease, size }: { lease: NonNullable<TruthTeam['lease']>; size: PanelSize }) {
  const writes = lease.writes.slice(size === 'large' ? -4 : -2).reverse();
  return (
    <section aria-label="Storage writes" className="flex flex-col gap-2">
      <h3 className={`font-black tracking-widest text-mist uppercase ${size === 'large' ? 'text-[28px]' : 'text-sm'}`}>
        Storage · fencing {lease.fencing ? 'on' : 'off'}
        {lease.splitBrains > 0 ? <span className="ml-2 text-coral">· {lease.splitBrains} split brain{lease.splitBrains > 1 ? 's' : ''}</span> : null}
      </h3>
      {writes.length === 0 ? <p className={`text-mist ${size === 'large' ? 'text-[28px]' : 'text-sm'}`}>No writes yet.</p> : null}
      <ul className="flex flex-col gap-1">
        {writes.map((w, i) => (
          <li key={`${w.at}-${i}`} className={`flex items-center gap-2 rounded-lg px-2 py-1 font-bold ${w.stale && w.accepted ? 'bg-coral/25 text-foam' : 'bg-navy/90 text-foam'} ${size === 'large' ? 'text-[28px]' : 'text-sm'}`}>
            <span className="font-black text-brass">{w.node}</span>
            <span className="font-mono">“{w.value}”</span>
            <span className="text-mist">token {w.token}</span>
            <span className={`ml-auto ${w.accepted ? (w.stale ? 'text-coral' : 'text-kelp') : 'text-mist'}`}>
              {w.accepted ? (w.stale ? '✓ accepted · STALE' : '✓ accepted') : '✗ refused'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
});

/** Bully: how many messages the last election cost (the algorithm's famous O(n²)). */
export const BullyElection = memo(function BullyElection({ bully, size }: { bully: NonNullable<TruthTeam['bully']>; size: PanelSize }) {
  const last = bully.lastElection;
  return (
    <p className={`rounded-xl bg-navy/90 px-3 py-2 font-bold text-foam ${{ large: 'text-[28px]', medium: 'text-[28px]', small: 'text-sm' }[size]}`}>
      {last
        ? `Last election: started by ${last.startedBy}, ${last.declaredBy ? `won by ${last.declaredBy}` : 'no coordinator yet'} · ${last.sent} messages sent, ${last.delivered} delivered`
        : 'No election yet.'}
      <span className="text-mist"> · {bully.totalSent} Bully messages in all</span>
    </p>
  );
});
