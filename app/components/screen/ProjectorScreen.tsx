'use client';

import { useGameView } from '@/app/client/use-game-view';
import { useScreenRoom } from '@/app/client/use-screen-room';
import { useJoinUrl } from '@/app/client/use-join-url';
import { useClassDeleted } from '@/app/client/use-class-deleted';
import { ClassDeleted } from '../ClassDeleted';
import type { NodeSummary } from '@/shared/protocol';
import { Brand } from '../Anchor';
import { ConnectionBanner } from '../ConnectionBanner';
import { GameStage } from '../game/GameStage';
import { Notice } from '../Notice';
import { QrCode } from '../QrCode';
import { RoomCode } from '../RoomCode';
import { JoinCorner } from './JoinCorner';

/**
 * /screen/CODE: the projector. Read-only, no secret; sized for the back row at 1920x1080.
 * Before the first round it is the boarding lobby (code, QR, crew); from the first round
 * on, the cluster takes the screen and the join code shrinks to a corner.
 */
export function ProjectorScreen({ code }: { code: string }) {
  const state = useScreenRoom(code);
  const game = useGameView(code);
  const joinUrl = useJoinUrl(code);
  const deleted = useClassDeleted(code);
  if (deleted) return <ClassDeleted message={deleted} />;
  if (state.phase === 'refused') return <Notice title="No such class">{state.refusal.message}</Notice>;
  if (game.phase === 'round') {
    return (
      // One screen high on a projector; below `lg` the panels stack under the ring and scroll.
      <main className="flex min-h-dvh flex-col px-4 py-4 lg:h-dvh lg:overflow-hidden lg:px-8 lg:py-5">
        <ConnectionBanner />
        <GameStage view={game.view} receivedAt={game.receivedAt} variant="projector" corner={<JoinCorner code={code} joinUrl={joinUrl} locked={state.phase === 'ready' && state.view.locked} />} />
      </main>
    );
  }
  const view = state.phase === 'ready' ? state.view : null;
  const nodes = view?.nodes ?? [];

  return (
    <main className="grid min-h-dvh gap-6 p-4 lg:grid-cols-[38rem_1fr] lg:gap-10 lg:p-10">
      <ConnectionBanner />
      <aside className="flex flex-col items-center gap-5 rounded-3xl bg-navy/80 p-6 text-center lg:p-8">
        <Brand />
        <p className="text-2xl font-bold text-mist lg:text-3xl">Scan to come aboard</p>
        {joinUrl ? <QrCode url={joinUrl} className="w-full max-w-[26rem]" /> : <div className="aspect-square w-full max-w-[26rem] rounded-2xl bg-deck" />}
        <p className="text-xl text-mist lg:text-2xl">
          or open <span data-testid="join-url" className="font-bold break-all text-foam">{joinUrl ? joinUrl.replace(/^https?:\/\//, '').replace(/\/[^/]*$/, '') : ''}</span> and enter
        </p>
        <RoomCode code={code} className="text-6xl whitespace-nowrap lg:text-8xl" />
        {view?.locked ? <p className="rounded-full bg-brass px-6 py-2 text-2xl font-black text-abyss">Boarding closed</p> : null}
      </aside>
      <section className="flex flex-col gap-6">
        <h1 className="text-4xl font-black lg:text-6xl">
          Crew aboard <span data-testid="crew-count" className="text-brass">{nodes.length}</span>
        </h1>
        {nodes.length === 0 ? (
          <p className="flex flex-1 items-center justify-center rounded-3xl border-4 border-dashed border-mist/25 p-10 text-center text-3xl text-mist lg:text-4xl">
            Waiting for the first sailor…
          </p>
        ) : (
          <ul className={`grid gap-4 ${GRID[density(nodes.length)]}`}>
            {nodes.map((node) => (
              <NodeTile key={node.nodeId} node={node} density={density(nodes.length)} />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

type Density = 'large' | 'medium' | 'compact';
/** Fewer sailors, bigger cards: a name must stay readable from the back row. */
const density = (count: number): Density => (count <= 12 ? 'large' : count <= 40 ? 'medium' : 'compact');
const GRID: Record<Density, string> = {
  large: 'grid-cols-[repeat(auto-fill,minmax(18rem,1fr))]',
  medium: 'grid-cols-[repeat(auto-fill,minmax(14rem,1fr))]',
  compact: 'grid-cols-[repeat(auto-fill,minmax(10rem,1fr))]',
};
const TEXT: Record<Density, { id: string; name: string; longName: string; pad: string }> = {
  large: { id: 'text-2xl', name: 'text-4xl', longName: 'text-3xl', pad: 'p-5' },
  medium: { id: 'text-xl', name: 'text-2xl', longName: 'text-xl', pad: 'p-4' },
  compact: { id: 'text-base', name: 'text-lg', longName: 'text-base', pad: 'p-2' },
};
/** Past this many characters a name gets one size smaller instead of being cut. */
const LONG_NAME = 12;

function NodeTile({ node, density }: { node: NodeSummary; density: Density }) {
  const text = TEXT[density];
  return (
    <li
      data-testid="node-tile"
      className={`flex flex-col gap-1 rounded-2xl border-4 bg-navy shadow-xl ${text.pad} ${node.online ? 'border-wave' : 'border-mist/20 opacity-60'}`}
    >
      <span className={`font-mono font-black text-brass ${text.id}`}>Node {node.nodeId}</span>
      {/* Two lines before cutting: "Grace Murray Hopper" should not become "Grace Murra…". */}
      <span className={`line-clamp-2 leading-tight font-bold break-words text-foam ${node.nickname.length > LONG_NAME ? text.longName : text.name}`}>{node.nickname}</span>
    </li>
  );
}
