'use client';

import { useState } from 'react';
import { injectFault, type FaultRequest } from '@/app/client/host-game-actions';
import type { TruthNode, TruthTeam } from '@/shared/game/screen-view';
import type { RoleTable, TeamWords } from '@/shared/rules/module';
import { lookOf, skewText } from '../game/look';
import { BUTTON, BUTTON_DANGER, CARD, LABEL } from './controls';
import { FaultDuration, timed } from './FaultDuration';
import { RefusalNote } from './RefusalNote';
import { useHostCommand } from './use-host-command';

type Props = {
  code: string;
  team: TruthTeam;
  /** Whether the algorithm has a central service (it stays with the others when a node is isolated). */
  words: TeamWords;
  /** The algorithm's role table (from the view). */
  roles: RoleTable;
  selected: number | null;
  onSelect: (index: number) => void;
};

/**
 * The nodes of one cluster with the faults a teacher reaches for most: crash / restart
 * and pause (a GC) / resume on every row; the selected node also gets clock skew and
 * "isolate". Which button a row shows follows the node's status in the view; whether
 * the fault is allowed is the server's call, and its refusal is shown here.
 */
export function NodeControls({ code, team, words, roles, selected, onSelect }: Props) {
  const command = useHostCommand();
  const fault = (f: FaultRequest) => void command.run(() => injectFault(code, team.team, f));
  const chosen = selected === null ? null : (team.nodes[selected] ?? null);
  const [forMs, setForMs] = useState(0);

  return (
    <section aria-labelledby="node-controls-title" className={CARD}>
      <h2 id="node-controls-title" className={LABEL}>
        Nodes · click one on the ring or here
      </h2>
      <FaultDuration label="How long a crash, pause or isolation lasts" value={forMs} onChange={setForMs} />
      <ul className="flex max-h-80 flex-col gap-1.5 overflow-y-auto pr-1" aria-label="Nodes">
        {team.nodes.map((node) => (
          <li key={node.index} data-testid="node-row" className={`flex items-center gap-2 rounded-xl px-2 py-1.5 ${selected === node.index ? 'bg-deck ring-2 ring-foam' : 'bg-abyss/50'}`}>
            <button
              type="button"
              onClick={() => onSelect(node.index)}
              aria-pressed={selected === node.index}
              aria-label={`Node ${node.label} (${node.nickname})`}
              className="flex min-h-11 min-w-0 flex-1 items-center gap-2 text-left"
            >
              <span className="w-8 shrink-0 text-center font-mono text-xl font-black text-brass">{node.label}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-bold">{node.nickname}</span>
                <span className="block truncate text-xs font-bold tracking-wider text-mist">{statusLine(node, roles)}</span>
              </span>
            </button>
            {node.status === 'crashed' ? (
              <button type="button" onClick={() => fault({ type: 'RestartNode', node: node.index })} className={`${BUTTON} shrink-0 border-kelp text-kelp`}>
                Restart {node.label}
              </button>
            ) : (
              <button type="button" onClick={() => fault(timed({ type: 'CrashNode', node: node.index }, forMs))} className={`${BUTTON_DANGER} shrink-0`}>
                Crash {node.label}
              </button>
            )}
            {node.status === 'paused' ? (
              <button type="button" onClick={() => fault({ type: 'ResumeNode', node: node.index })} className={`${BUTTON} shrink-0 border-[#8fe3ff] text-[#8fe3ff]`}>
                Resume {node.label}
              </button>
            ) : (
              <button type="button" onClick={() => fault(timed({ type: 'PauseNode', node: node.index }, forMs))} className={`${BUTTON} shrink-0`} title="A stop-the-world pause, like a long garbage collection">
                Pause {node.label}
              </button>
            )}
          </li>
        ))}
      </ul>
      {chosen ? <NodeExtras node={chosen} team={team} service={words.service} onFault={(f) => fault(f.type === 'Partition' ? timed(f, forMs) : f)} /> : null}
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
    </section>
  );
}

function statusLine(node: TruthNode, roles: RoleTable): string {
  const parts = [lookOf(node, roles).word];
  if (node.term !== undefined) parts.push(`term ${node.term}`);
  const skew = skewText(node.clock);
  if (skew) parts.push(`clock ${skew}`);
  if (!node.online) parts.push('offline');
  return parts.join(' · ');
}

/** The rarer faults, for the selected node: a skewed clock, an isolated node. */
function NodeExtras({ node, team, service, onFault }: { node: TruthNode; team: TruthTeam; service: boolean; onFault: (f: FaultRequest) => void }) {
  const l = node.label;
  const others = team.nodes.filter((n) => n.index !== node.index).map((n) => n.index);
  // A central service (Lease's lock service) stays with the others, so the isolated node is the one cut off.
  const rest = service ? [...others, -1] : others;
  return (
    <div className="flex flex-col gap-2 border-t-2 border-deck pt-3" data-testid="node-extras">
      <p className="font-bold">
        Node <span className="text-brass">{l}</span> · {node.nickname}
      </p>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label={`Clock of ${l}`}>
        <span className="mr-1 text-xs font-bold tracking-widest text-mist uppercase">Clock</span>
        <button type="button" onClick={() => onFault({ type: 'SkewClock', node: node.index, rate: 0.5 })} className={BUTTON} aria-label={`Clock of ${l} at 0.5x`}>
          0.5x
        </button>
        <button type="button" onClick={() => onFault({ type: 'SkewClock', node: node.index, rate: 2 })} className={BUTTON} aria-label={`Clock of ${l} at 2x`}>
          2x
        </button>
        <button type="button" onClick={() => onFault({ type: 'SkewClock', node: node.index, offsetMs: 5000 })} className={BUTTON} aria-label={`Clock of ${l} jumps 5 s ahead`}>
          +5 s
        </button>
        <button type="button" onClick={() => onFault({ type: 'SkewClock', node: node.index, rate: 1, offsetMs: -node.clock.driftMs })} className={BUTTON} aria-label={`Reset the clock of ${l}`}>
          Reset
        </button>
      </div>
      <div className="flex flex-wrap gap-1.5">
        <button type="button" onClick={() => onFault({ type: 'Partition', groups: [[node.index], rest] })} className={BUTTON} aria-label={`Isolate ${l}`}>
          Isolate {l} from the others
        </button>
      </div>
    </div>
  );
}
