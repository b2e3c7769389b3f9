/**
 * What a Raft phone lists of the vote requests its node holds: this term's (the vote is
 * still open) and the newest older term's (where a Vote is refused by R4, the lesson);
 * anything older is counted in one fact instead of a row each. The rules still hold every
 * request: refusing an unlisted one is allowed (R4) and tells its candidate the newer term.
 */
import { describe, expect, it } from 'vitest';
import { answeredMoves } from '../../../../shared/rules/answered-moves';
import { raftSummary } from '../../../../shared/rules/raft/phone';
import { raftNodeView } from '../../../../shared/rules/raft/view';
import { act, tickBy, type Run } from '../harness';
import { A, B, C, D, E, node, S, seeded, stand, untilDue } from './helpers';

const F = 5;

function replyRows(run: Run, index: number): string[] {
  return answeredMoves(S(run), index)
    .filter((m) => m.layout.kind === 'reply')
    .map((m) => `${m.label}: ${m.refusal?.code ?? 'allowed'}`);
}

const olderFact = (run: Run, index: number) => raftSummary(S(run), index, []).facts.find((f) => f.id === 'older-requests')?.value ?? null;

/** A six-node cluster whose leader A crashed: `candidates` stand one after the other, nobody votes. */
function successiveElections(...candidates: number[]): Run {
  const run = seeded({}, { nodeCount: 6 });
  act(run, { type: 'CrashNode', node: A });
  for (const candidate of candidates) {
    untilDue(run, candidate);
    stand(run, candidate);
    tickBy(run, 1000); // every request arrives (1 s delays)
  }
  return run;
}

describe('a Raft phone lists the vote requests that matter', () => {
  it('lists this term\'s requests and the newest older term\'s, and counts the older ones in a fact', () => {
    const run = successiveElections(B, C, D, E);
    expect(node(run, F).term).toBe(5);
    expect(node(run, F).requests.map((r) => [r.candidate, r.term])).toEqual([[B, 2], [C, 3], [D, 4], [E, 5]]);

    expect(replyRows(run, F)).toEqual([
      'Vote for D: stale-term', 'Refuse D: allowed', // term 4, the one F just left: R4's lesson
      'Vote for E: allowed', 'Refuse E: allowed',
    ]);
    expect(raftNodeView(S(run), F).requests.map((r) => [r.candidate, r.term, r.current])).toEqual([[D, 4, false], [E, 5, true]]);
    expect(olderFact(run, F)).toBe('2 not listed (terms 2–3): too old for a vote (R4)');
  });

  it('shows every request while none is older than the newest older term, and no fact', () => {
    const run = successiveElections(B, C);
    expect(replyRows(run, F)).toEqual(['Vote for B: stale-term', 'Refuse B: allowed', 'Vote for C: allowed', 'Refuse C: allowed']);
    expect(olderFact(run, F)).toBeNull();
  });

  it('R4: an unlisted older request can still be refused, and the refusal carries the voter\'s term', () => {
    const run = successiveElections(B, C, D, E);
    const events = act(run, { type: 'RefuseVote', node: F, candidate: B });
    expect(events.find((e) => e.type === 'VoteRefused')).toMatchObject({ node: F, candidate: B, term: 5 });
    const sent = events.flatMap((e) => (e.type === 'MessagesSent' ? e.messages : []));
    expect(sent.map((m) => [m.to, m.payload])).toContainEqual([B, { kind: 'VoteReply', term: 5, granted: false }]);
  });
});
