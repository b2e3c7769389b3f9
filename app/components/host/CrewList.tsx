'use client';

import { useState } from 'react';
import type { NodeSummary } from '@/shared/protocol';

type Props = { nodes: NodeSummary[]; onKick: (nodeId: number) => Promise<void> };

/** The students aboard, each with a two-step Kick (removal is permanent, so confirm it). */
export function CrewList({ nodes, onKick }: Props) {
  const [confirming, setConfirming] = useState<number | null>(null);
  if (nodes.length === 0) {
    return <p className="rounded-2xl border-2 border-dashed border-mist/30 p-8 text-center text-xl text-mist">No students yet. Share the code or the QR.</p>;
  }
  return (
    <ul className="flex flex-col gap-2" aria-label="Students">
      {nodes.map((node) => (
        <li key={node.nodeId} data-testid="crew-row" className="flex min-h-16 items-center gap-4 rounded-xl bg-navy px-4 py-2">
          <span className={`size-3 shrink-0 rounded-full ${node.online ? 'bg-kelp' : 'bg-mist/40'}`} title={node.online ? 'online' : 'offline'} aria-label={node.online ? 'online' : 'offline'} />
          <span className="w-20 shrink-0 font-mono text-lg font-bold text-brass">Node {node.nodeId}</span>
          <span className="min-w-0 flex-1 truncate text-xl font-semibold">{node.nickname}</span>
          {confirming === node.nodeId ? (
            <span className="flex shrink-0 gap-2">
              <button type="button" onClick={() => void onKick(node.nodeId).finally(() => setConfirming(null))} className="min-h-12 rounded-lg bg-coral px-4 font-bold text-abyss">
                Remove {node.nickname}
              </button>
              <button type="button" onClick={() => setConfirming(null)} className="min-h-12 rounded-lg border-2 border-mist/40 px-3 font-bold">
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(node.nodeId)} aria-label={`Kick ${node.nickname}`} className="min-h-12 shrink-0 rounded-lg border-2 border-coral px-4 font-bold text-coral hover:bg-coral hover:text-abyss">
              Kick
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
