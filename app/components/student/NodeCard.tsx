import type { SeatView } from '@/shared/protocol';
import { RoomCode } from '../RoomCode';

/** The student's own node: who they are in the cluster, big enough to hold up to a neighbour. */
export function NodeCard({ view, waiting = 'Waiting for the teacher to start a round…' }: { view: SeatView; waiting?: string }) {
  return (
    <section data-testid="node-card" className="flex w-full flex-col items-center gap-6 rounded-3xl border-4 border-brass bg-navy p-8 text-center shadow-2xl">
      <p className="text-lg font-bold tracking-widest text-mist uppercase">You are</p>
      <p className="text-6xl font-black whitespace-nowrap text-brass" data-testid="node-id">
        Node {view.nodeId}
      </p>
      {/* Nicknames are rendered as text, never as HTML. */}
      <p className="max-w-full text-4xl font-bold break-words text-foam" data-testid="node-nickname">
        {view.nickname}
      </p>
      <div className="h-px w-full bg-mist/30" />
      <p className="text-xl text-foam">
        <span data-testid="node-waiting">{waiting}</span> <span className="text-mist">{view.crewSize} aboard.</span>
      </p>
      <p className="text-base text-mist">
        Class <RoomCode code={view.code} className="text-base" />
      </p>
    </section>
  );
}
