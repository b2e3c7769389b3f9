'use client';

import { injectFault } from '@/app/client/host-game-actions';
import type { TruthTeam } from '@/shared/game/screen-view';
import { kindLook, seconds } from '../game/look';
import { CARD, LABEL } from './controls';
import { RefusalNote } from './RefusalNote';
import { useHostCommand } from './use-host-command';

const SHOWN = 12;

/** Messages on the wire, soonest first, each with a Drop button (the host as a bad network). */
export function InFlightList({ code, team, now }: { code: string; team: TruthTeam; now: number }) {
  const command = useHostCommand();
  const name = (i: number) => (i === -1 ? 'lock service' : (team.nodes[i]?.label ?? '?'));
  const messages = team.messages.slice().sort((a, b) => a.deliverAt - b.deliverAt);

  return (
    <section aria-labelledby="in-flight-title" className={CARD}>
      <h2 id="in-flight-title" className={LABEL}>
        In flight · {messages.length} message{messages.length === 1 ? '' : 's'}
      </h2>
      {messages.length === 0 ? <p className="text-mist">Nothing on the wire right now.</p> : null}
      <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto pr-1" aria-label="Messages in flight">
        {messages.slice(0, SHOWN).map((m) => {
          const look = kindLook(m);
          const label = `${m.kind} from ${name(m.from)} to ${name(m.to)}`;
          return (
            <li key={m.id} data-testid="in-flight-row" className={`flex items-center gap-2 rounded-lg bg-abyss/50 px-2 py-1 ${m.lost ? 'opacity-60' : ''}`}>
              <span className="rounded-full px-2 py-0.5 text-sm font-black text-abyss" style={{ background: m.lost ? '#ef5b5b' : look.colour }}>
                {look.label}
              </span>
              <span className="min-w-0 flex-1 truncate font-semibold">
                {name(m.from)} → {name(m.to)}
                <span className="ml-2 text-sm text-mist">{m.lost ? 'lost' : `lands in ${seconds(Math.max(0, Math.ceil((m.deliverAt - now) / 100) * 100))}`}</span>
              </span>
              <button
                type="button"
                aria-label={`Drop ${label}`}
                onClick={() => void command.run(() => injectFault(code, team.team, { type: 'DropMessage', id: m.id }))}
                className="min-h-10 shrink-0 rounded-lg border-2 border-coral px-3 font-bold text-coral hover:bg-coral hover:text-abyss"
              >
                Drop
              </button>
            </li>
          );
        })}
      </ul>
      {messages.length > SHOWN ? <p className="text-sm text-mist">…and {messages.length - SHOWN} more (click one on the ring to drop it).</p> : null}
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
    </section>
  );
}
