'use client';

import { useState } from 'react';
import { endRound, setClock, type ClockAction } from '@/app/client/host-game-actions';
import type { GameScreenView } from '@/shared/game/screen-view';
import { CLOCK_RATES } from '@/shared/game/room-clock';
import { PauseIcon } from '../game/PauseIcon';
import { BUTTON, BUTTON_DANGER, BUTTON_ON } from './controls';
import { RefusalNote } from './RefusalNote';
import { useHostCommand } from './use-host-command';

/** The pace of the round (pause, step, speed) and its end: always in reach, at the top. */
export function RoundBar({ code, view, onHelp }: { code: string; view: GameScreenView; onHelp?: () => void }) {
  const command = useHostCommand();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const clock = (action: ClockAction) => void command.run(() => setClock(code, action));
  const running = view.clock.running;

  return (
    <div data-testid="round-bar" className="flex flex-col gap-2 rounded-2xl bg-navy/90 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="mr-1 text-sm font-bold tracking-widest text-mist uppercase">Clock</span>
        {running ? (
          <button type="button" onClick={() => clock({ action: 'pause' })} className={`${BUTTON} min-w-28 inline-flex items-center justify-center gap-2`}>
            <PauseIcon /> Pause
          </button>
        ) : (
          <button type="button" onClick={() => clock({ action: 'resume' })} className={`${BUTTON_ON} min-w-28`}>
            <span aria-hidden>▶</span> Resume
          </button>
        )}
        <button type="button" onClick={() => clock({ action: 'step', stepMs: 1000 })} className={BUTTON} title="Moves a paused clock on by one second">
          Step 1 s
        </button>
        <span className="flex gap-1" role="group" aria-label="Clock speed">
          {CLOCK_RATES.map((rate) => (
            <button
              key={rate}
              type="button"
              aria-label={`Speed ${rate}x`}
              aria-pressed={view.clock.rate === rate}
              onClick={() => clock({ action: 'rate', rate })}
              className={`${view.clock.rate === rate ? BUTTON_ON : BUTTON} min-w-14 px-2`}
            >
              {rate}x
            </button>
          ))}
        </span>
        <span className="ml-auto flex gap-2">
          {onHelp ? (
            <button type="button" onClick={onHelp} className={BUTTON} aria-label="Hotkeys" title="Teacher hotkeys (?)">
              ?
            </button>
          ) : null}
          {confirmEnd ? (
            <>
              <button type="button" onClick={() => void command.run(() => endRound(code)).then(() => setConfirmEnd(false))} className="min-h-11 rounded-lg bg-coral px-4 font-black text-abyss">
                Yes, end the round
              </button>
              <button type="button" onClick={() => setConfirmEnd(false)} className={BUTTON}>
                Keep playing
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmEnd(true)} className={BUTTON_DANGER}>
              End round
            </button>
          )}
        </span>
      </div>
      <RefusalNote refusal={command.refusal} onDismiss={command.clear} />
    </div>
  );
}
