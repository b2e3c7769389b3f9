'use client';

import { useState } from 'react';
import { startChallenge, stopChallenge } from '@/app/client/host-game-actions';
import { CHALLENGE_KINDS, CHALLENGE_TITLES, type ChallengeKind } from '@/shared/challenges/types';
import type { GameScreenView } from '@/shared/game/screen-view';
import { BUTTON, BUTTON_DANGER, BUTTON_ON, CARD, LABEL, SELECT } from '../host/controls';
import { RefusalNote } from '../host/RefusalNote';
import { useHostCommand } from '../host/use-host-command';
import { ScoresSwitch } from './ScoresSwitch';

const DURATIONS = [30, 60, 120, 300];

/** The host starts or stops a challenge (SPEC K1, K6) and switches scores (S11). The server decides. */
export function ChallengeControls({ code, view }: { code: string; view: GameScreenView }) {
  const command = useHostCommand();
  const [kind, setKind] = useState<ChallengeKind>('break-safety');
  const [seconds, setSeconds] = useState(60);
  const [faults, setFaults] = useState(2);
  const running = view.challenge !== null && !view.challenge.ended;
  return (
    <section className={CARD} aria-label="Challenges" data-testid="challenge-controls">
      <h2 className={LABEL}>Challenge</h2>
      {running ? (
        <button type="button" className={BUTTON_DANGER} onClick={() => void command.run(() => stopChallenge(code))}>
          Stop {view.challenge!.title}
        </button>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <select aria-label="Challenge" value={kind} onChange={(e) => setKind(e.target.value as ChallengeKind)} className={SELECT}>
            {CHALLENGE_KINDS.map((k) => <option key={k} value={k}>{CHALLENGE_TITLES[k]}</option>)}
          </select>
          <select aria-label="Challenge duration" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} className={SELECT}>
            {DURATIONS.map((s) => <option key={s} value={s}>{s < 60 ? `${s} s` : `${s / 60} min`}</option>)}
          </select>
          {kind === 'no-leader-lost' ? (
            <label className="flex items-center gap-1 font-semibold">
              Faults
              <input type="number" min={1} max={20} value={faults} onChange={(e) => setFaults(Number(e.target.value))} className={`${SELECT} w-16`} />
            </label>
          ) : null}
          <button type="button" className={BUTTON_ON} onClick={() => void command.run(() => startChallenge(code, { kind, durationMs: seconds * 1000, ...(kind === 'no-leader-lost' && { faults }) }))}>
            Start challenge
          </button>
        </div>
      )}
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
      <ScoresSwitch code={code} off={view.scoresOff} className={BUTTON} />
    </section>
  );
}
