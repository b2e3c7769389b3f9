/**
 * Lease's acting leaders (shared/rules/lease/ticker.ts) are read after every logged batch and
 * remembered by the identity of the cluster's `clients` and `nodes` arrays. The reading must
 * be exactly what a fresh loop says for every state the rules produce: a pause changes
 * `nodes` while `clients` stays shared, and a frozen holder does not act (it counts again
 * when it wakes).
 */
import { describe, expect, it } from 'vitest';
import { evolve } from '../../../../shared/rules/engine';
import { leaseModule } from '../../../../shared/rules/lease/module';
import type { LeaseCluster } from '../../../../shared/rules/lease/types';
import { act, tickTo } from '../harness';
import { lease, leaseRun } from './helpers';

const [A, B] = [0, 1];

function freshReading(state: LeaseCluster): number[] {
  return state.clients.flatMap((client, i) => (client.leading && state.nodes[i]?.status === 'live' ? [i] : []));
}

const reading = (state: LeaseCluster) => [...leaseModule.actingLeaders!(state)];

describe('Lease acting leaders, remembered per (clients, nodes) arrays', () => {
  it('answers as a fresh reading at every state of a round with a pause, a resume and a crash, in any order', () => {
    const run = leaseRun({}, 3, 200);
    act(run, { type: 'Acquire', node: A });
    tickTo(run, 1000);
    const holding = lease(run.state);
    expect(reading(holding)).toEqual([A]);
    act(run, { type: 'PauseNode', node: A });
    const paused = lease(run.state);
    expect(paused.clients).toBe(holding.clients); // the case the memo must see: same clients, new nodes
    expect(reading(paused)).toEqual([]); // frozen: it believes, it cannot act
    act(run, { type: 'ResumeNode', node: A });
    expect(reading(lease(run.state))).toEqual([A]);
    act(run, { type: 'Acquire', node: B });
    tickTo(run, 20_000);
    act(run, { type: 'CrashNode', node: A });
    tickTo(run, 40_000);
    // Every state the events went through, asked forwards then backwards (as interleaved teams would).
    const states: LeaseCluster[] = [];
    let state = run.initial;
    for (const event of run.events) states.push(lease((state = evolve(state, event))));
    for (const each of [...states, ...states.slice().reverse()]) expect(reading(each)).toEqual(freshReading(each));
  });
});
