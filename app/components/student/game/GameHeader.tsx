import type { GameSeatView } from '@/shared/game/seat-view';
import { Anchor } from '../../Anchor';

function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** One line: which game, which round and team, and the room's clock (paused, or 2x). */
export function GameHeader({ view, roomTime }: { view: GameSeatView; roomTime: number }) {
  const { clock } = view;
  const state = view.ended ? 'Ended' : clock.running ? (clock.rate === 1 ? null : `${clock.rate}x`) : 'Paused';
  return (
    <header className="flex w-full items-center gap-3 rounded-2xl bg-navy/80 px-4 py-2.5 ring-1 ring-mist/20" data-testid="game-header">
      <Anchor className="hidden size-6 shrink-0 text-brass sm:block" />
      <p className="min-w-0 flex-1 truncate text-base font-bold text-foam">
        <span data-testid="game-algorithm">{view.title}</span>
        <span className="text-sm font-semibold text-mist sm:text-base">
          {' · '}Round {view.round}
          {view.teamCount > 1 && view.team !== null ? ` · Team ${view.team + 1}` : ''}
        </span>
      </p>
      <p className="flex shrink-0 items-center gap-2 font-mono text-lg font-bold tabular-nums text-foam" data-testid="game-clock" aria-label={view.ended ? 'Round over' : `Room clock ${clockText(roomTime)}${state ? `, ${state}` : ''}`}>
        {view.ended ? null : clockText(roomTime)}
        {state ? (
          <span className={`rounded-md px-2 py-0.5 font-sans text-sm font-black ${clock.running ? 'bg-sky-300 text-abyss' : 'bg-brass text-abyss uppercase'}`}>
            {state}
          </span>
        ) : null}
      </p>
    </header>
  );
}
