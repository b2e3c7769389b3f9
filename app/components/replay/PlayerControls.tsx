'use client';

import { SPEEDS, type Playback } from './use-playback';

const button = 'min-h-11 min-w-11 rounded-xl bg-deck px-3 font-black text-foam hover:bg-wave disabled:opacity-40';

/** Play/pause, speed, step by event, jump by marker; the keys are in each button's title. */
export function PlayerControls({ playback, onFork }: { playback: Playback; onFork?: ((t: number) => void) | undefined }) {
  const { playing, speed } = playback;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="player-controls">
      <button type="button" className={button} title="Previous marker (PageUp)" aria-label="Previous marker" onClick={() => playback.jumpMarker(-1)}>◀◀ mark</button>
      <button type="button" className={button} title="Previous event (←)" aria-label="Previous event" onClick={() => playback.stepEvent(-1)}>◀︎ event</button>
      <button type="button" className={`${button} min-w-24 bg-brass text-abyss hover:bg-brass-dark`} title="Play or pause (Space)" onClick={playback.toggle} data-testid="play-pause">
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" className={button} title="Next event (→)" aria-label="Next event" onClick={() => playback.stepEvent(1)}>event ▶︎</button>
      <button type="button" className={button} title="Next marker (PageDown)" aria-label="Next marker" onClick={() => playback.jumpMarker(1)}>mark ▶▶</button>
      <label className="flex items-center gap-2 font-bold text-mist">
        Speed
        <select className="min-h-11 rounded-xl bg-deck px-2 font-bold text-foam" value={speed} onChange={(e) => playback.setSpeed(Number(e.target.value))} aria-label="Speed">
          {SPEEDS.map((s) => <option key={s} value={s}>{s}x</option>)}
        </select>
      </label>
      {onFork ? (
        <button type="button" className={`${button} ml-auto bg-kelp text-abyss hover:bg-kelp/80`} onClick={() => onFork(playback.t)} data-testid="fork">
          Fork a live round from here
        </button>
      ) : null}
    </div>
  );
}
