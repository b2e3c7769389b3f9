'use client';

import { useState } from 'react';
import { startRound } from '@/app/client/host-game-actions';
import { defaultPresetFor, presetsFor } from '@/shared/game/presets';
import { algorithmModule, algorithms } from '@/shared/rules/registry';
import { arrangeTeams, MAX_TEAM, MIN_TEAM } from '@/shared/game/teams';
import type { Algorithm } from '@/shared/rules/types';
import { Choice } from './Choice';
import { BUTTON, BUTTON_ON, BUTTON_PRIMARY, CARD, LABEL } from './controls';
import { RefusalNote } from './RefusalNote';
import { useHostCommand } from './use-host-command';
import { loadSetup, saveSetup } from '@/app/client/remembered-setup';

const DELAYS = [200, 500, 1000, 2000, 3000, 5000];
const DROPS = [0, 0.05, 0.1, 0.25, 0.5];

/** Before a round: the algorithm, its preset, the teams and the network. */
export function RoundSetup({ code, crewIds }: { code: string; crewIds: number[] }) {
  // The last setup this browser started (issue 8), else the first registered algorithm (Raft).
  // The panel draws this card only once the class is loaded, in the browser: storage is there.
  const [last] = useState(loadSetup);
  const [algorithm, setAlgorithm] = useState<Algorithm>(() => last?.algorithm ?? algorithms()[0]!.name);
  const [preset, setPreset] = useState(() => last?.preset ?? defaultPresetFor(algorithms()[0]!.name).id);
  const [teams, setTeams] = useState(last?.teams ?? false);
  const [teamSize, setTeamSize] = useState(last?.teamSize ?? 5);
  const [crashOnDisconnect, setCrashOnDisconnect] = useState(last?.crashOnDisconnect ?? true);
  const [autopilot, setAutopilot] = useState(last?.autopilot ?? false);
  const [delayMs, setDelayMs] = useState(last?.delayMs ?? 1000);
  const [dropRate, setDropRate] = useState(last?.dropRate ?? 0);
  const command = useHostCommand();
  const presets = presetsFor(algorithm);
  const chosen = presets.find((p) => p.id === preset) ?? presets[0]!;
  const arranged = arrangeTeams(crewIds, teams ? teamSize : null);

  const pickAlgorithm = (next: Algorithm) => {
    setAlgorithm(next);
    setPreset(defaultPresetFor(next).id);
  };
  const start = () => {
    saveSetup({ algorithm, preset: chosen.id, teams, teamSize, crashOnDisconnect, autopilot, delayMs, dropRate });
    void command.run(() =>
      startRound(code, { algorithm, preset: chosen.id, teamSize: teams ? teamSize : null, crashOnDisconnect, autopilot, network: { delayMs, dropRate } }),
    );
  };

  return (
    <section aria-labelledby="round-setup-title" data-testid="round-setup" className={CARD}>
      <h2 id="round-setup-title" className="text-2xl font-black">
        Set up a round
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex min-w-0 flex-col gap-1">
          <span className={LABEL}>Algorithm</span>
          <Choice label="Algorithm" value={algorithm} options={algorithms().map((a) => ({ value: a.name, name: a.title }))} onChange={pickAlgorithm} className="w-full text-lg" />
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className={LABEL}>Preset</span>
          <Choice label="Preset" value={chosen.id} options={presets.map((p) => ({ value: p.id, name: p.name }))} onChange={setPreset} className="w-full text-lg" />
        </label>
      </div>
      <p className="text-base text-mist" data-testid="preset-summary">
        <span className="font-bold text-foam">{algorithmModule(algorithm).line}</span> {chosen.summary}
      </p>

      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className={`${LABEL} mb-1`}>Clusters</legend>
        <button type="button" aria-pressed={!teams} onClick={() => setTeams(false)} className={!teams ? BUTTON_ON : BUTTON}>
          One cluster
        </button>
        <button type="button" aria-pressed={teams} onClick={() => setTeams(true)} className={teams ? BUTTON_ON : BUTTON}>
          Teams
        </button>
        {teams ? (
          <label className="flex items-center gap-2 font-bold">
            of
            <Choice label="Team size" value={teamSize} options={Array.from({ length: MAX_TEAM - MIN_TEAM + 1 }, (_, i) => ({ value: MIN_TEAM + i, name: String(MIN_TEAM + i) }))} onChange={setTeamSize} />
          </label>
        ) : null}
        <span className="text-base text-mist" data-testid="team-preview">
          {crewIds.length === 0 ? 'No students yet.' : arranged.length <= 1 ? `${crewIds.length} nodes in one cluster` : `${arranged.length} teams: ${arranged.map((t) => t.length).join(' + ')}`}
        </span>
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex min-w-0 flex-col gap-1">
          <span className={LABEL}>Network delay</span>
          <Choice label="Network delay" value={delayMs} options={DELAYS.map((ms) => ({ value: ms, name: `${ms / 1000} s per message` }))} onChange={setDelayMs} className="w-full" />
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className={LABEL}>Message loss</span>
          <Choice label="Message loss" value={dropRate} options={DROPS.map((p) => ({ value: p, name: p === 0 ? 'none' : `${p * 100}% lost` }))} onChange={setDropRate} className="w-full" />
        </label>
      </div>
      <label className="flex min-h-11 items-center gap-3 text-lg font-semibold">
        <input type="checkbox" checked={crashOnDisconnect} onChange={(e) => setCrashOnDisconnect(e.target.checked)} className="size-6 accent-brass" />
        A phone that disconnects is a crashed node (until it comes back)
      </label>
      <label className="flex min-h-11 items-center gap-3 text-lg font-semibold">
        <input type="checkbox" checked={autopilot} onChange={(e) => setAutopilot(e.target.checked)} className="size-6 accent-brass" data-testid="autopilot" />
        Autopilot: a bot plays the node of a student who drops out or is removed
      </label>
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
      <button type="button" onClick={start} disabled={command.pending} className={`${BUTTON_PRIMARY} self-start`}>
        Start round
      </button>
    </section>
  );
}
