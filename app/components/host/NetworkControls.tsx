'use client';

import { useState } from 'react';
import { injectFault, type FaultRequest } from '@/app/client/host-game-actions';
import type { TruthTeam } from '@/shared/game/screen-view';
import type { TeamWords } from '@/shared/rules/module';
import { Choice } from './Choice';
import { BUTTON, CARD, LABEL } from './controls';
import { FaultDuration, timed } from './FaultDuration';
import { RefusalNote } from './RefusalNote';
import { useHostCommand } from './use-host-command';

const DELAYS = [0, 200, 500, 1000, 2000, 3000, 5000, 10000];
const DROPS = [0, 0.05, 0.1, 0.25, 0.5, 1];
const LINK_DELAYS = [1000, 2000, 5000, 10000, 20000];

/** Options with the current value in them, even if the host set an odd one earlier. */
function withCurrent(values: number[], current: number): number[] {
  return values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
}

/** The network of one cluster: partitions, delay and loss, and one slow link. */
export function NetworkControls({ code, team, words }: { code: string; team: TruthTeam; words: TeamWords }) {
  const command = useHostCommand();
  const fault = (f: FaultRequest) => void command.run(() => injectFault(code, team.team, f));
  const indices = team.nodes.map((n) => n.index);
  const half = Math.floor(indices.length / 2);
  // A central service (Lease's lock service) goes with the larger half (a minority cut off from it is the lesson).
  const halves = [indices.slice(0, half), words.service ? [...indices.slice(half), -1] : indices.slice(half)];
  const endpoints = [...team.nodes.map((n) => ({ value: n.index, name: `${n.label} · ${n.nickname}` })), ...(words.service ? [{ value: -1, name: words.serviceName ?? 'Central service' }] : [])];
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(words.service ? -1 : 1);
  const [linkDelay, setLinkDelay] = useState(5000);
  const [bothWays, setBothWays] = useState(true);
  const [forMs, setForMs] = useState(0);
  const net = team.network;

  return (
    <section aria-labelledby="network-controls-title" className={CARD}>
      <h2 id="network-controls-title" className={LABEL}>
        Network
      </h2>
      <FaultDuration label="How long a split or slow link lasts" value={forMs} onChange={setForMs} />
      <div className="flex flex-wrap gap-1.5">
        <button type="button" onClick={() => fault(timed({ type: 'Partition', groups: halves }, forMs))} className={BUTTON}>
          Split in two halves
        </button>
        <button type="button" onClick={() => fault({ type: 'HealPartition' })} className={`${BUTTON} border-kelp text-kelp`}>
          Heal partition
        </button>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <label className="flex flex-col gap-1 text-sm font-bold text-mist">
          Delay
          <Choice label="Delay" value={net.delayMs} options={withCurrent(DELAYS, net.delayMs).map((ms) => ({ value: ms, name: `${ms / 1000} s` }))} onChange={(delayMs) => fault({ type: 'SetNetwork', delayMs })} className="w-full" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-bold text-mist">
          Drop rate
          <Choice label="Drop rate" value={net.dropRate} options={withCurrent(DROPS, net.dropRate).map((p) => ({ value: p, name: `${Math.round(p * 100)}% lost` }))} onChange={(dropRate) => fault({ type: 'SetNetwork', dropRate })} className="w-full" />
        </label>
      </div>
      <fieldset className="flex flex-col gap-2 border-t-2 border-deck pt-3">
        <legend className="text-sm font-bold text-mist">Slow link</legend>
        <div className="grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] items-center gap-1.5">
          <Choice label="Slow link from" value={from} options={endpoints} onChange={setFrom} className="w-full" />
          <span aria-hidden className="font-black text-mist">{bothWays ? '↔' : '→'}</span>
          <Choice label="Slow link to" value={to} options={endpoints} onChange={setTo} className="w-full" />
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <Choice label="Link delay" value={linkDelay} options={LINK_DELAYS.map((ms) => ({ value: ms, name: `${ms / 1000} s` }))} onChange={setLinkDelay} />
          <label className="flex min-h-11 items-center gap-2 font-semibold">
            <input type="checkbox" checked={bothWays} onChange={(e) => setBothWays(e.target.checked)} className="size-5 accent-brass" />
            both ways
          </label>
          <button type="button" onClick={() => fault(timed({ type: 'SetLink', from, to, delayMs: linkDelay, bothWays }, forMs))} className={BUTTON}>
            Slow link
          </button>
          <button type="button" onClick={() => fault({ type: 'SetLink', from, to, bothWays })} className={BUTTON}>
            Restore link
          </button>
        </div>
      </fieldset>
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
    </section>
  );
}
