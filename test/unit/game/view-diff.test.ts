/**
 * The watchers' diff (shared/game/view-diff.ts): applied to the view before, its
 * operations give exactly the view after, for any two JSON values; a rolling list that lost
 * its head and gained a tail is sent as that shift, not rewritten entry by entry.
 */
import fc from 'fast-check';
import { immutableJSONPatch, type JSONPatchDocument } from 'immutable-json-patch';
import { describe, expect, it } from 'vitest';
import { diffView, sameJson } from '../../../shared/game/view-diff';

const apply = (before: object, ops: unknown[]) => immutableJSONPatch(before, ops as JSONPatchDocument);
const line = (n: number) => ({ at: n * 100, node: 'ABCDE'[n % 5], move: 'write command', rule: 'R7', why: `refused ${n}` });

describe('the watchers diff', () => {
  it('turns any view into any other (random JSON, lists that shift or not)', () => {
    const entry = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.record({ id: fc.integer({ min: 0, max: 5 }), s: fc.constantFrom('a', 'b') }));
    const list = fc.array(entry, { maxLength: 10 });
    // Messages with ids, as in flight: a sorted set of ids, each with a field that may change.
    const messages = fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 12 }).chain((ids) =>
      fc.tuple(...ids.sort((a, b) => a - b).map((id) => fc.record({ id: fc.constant(id), lost: fc.boolean() }))),
    );
    const view = fc.record({ teams: fc.array(fc.record({ refusals: list, term: fc.integer({ min: 0, max: 3 }), messages }), { maxLength: 3 }), ticker: list, 'a/b~c': fc.option(fc.string(), { nil: null }) });
    const shifted = fc.tuple(list, fc.integer({ min: 0, max: 9 }), list).map(([xs, k, tail]) => [xs, xs.slice(k).concat(tail)] as const);
    fc.assert(
      fc.property(view, view, shifted, (before, after, [from, to]) => {
        const a = { ...before, ticker: from };
        const b = { ...after, ticker: to };
        const patched = apply(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(diffView(a, b))));
        expect(patched).toEqual(JSON.parse(JSON.stringify(b)));
        expect(diffView(b, b)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('a refusal list at its cap that gained one line is a remove of its head and an add, not a rewrite of every line', () => {
    const before = { teams: [{ term: 2, refusals: [1, 2, 3, 4, 5, 6].map(line) }] };
    const after = { teams: [{ term: 2, refusals: [2, 3, 4, 5, 6, 7].map(line) }] };
    expect(diffView(before, after)).toEqual([
      { op: 'remove', path: '/teams/0/refusals/0' },
      { op: 'add', path: '/teams/0/refusals/5', value: line(7) },
    ]);
    expect(apply(before, diffView(before, after) as unknown[])).toEqual(after);
  });

  it('messages in flight delivered out of order are removed where they were, not rewritten', () => {
    const message = (id: number) => ({ id, from: 1, to: id % 7, sentAt: id * 10, deliverAt: id * 10 + 300 });
    const before = { messages: [1, 2, 3, 4, 5, 6].map(message) };
    const after = { messages: [1, 3, 4, 6, 7].map(message) };
    expect(diffView(before, after)).toEqual([
      { op: 'remove', path: '/messages/4' },
      { op: 'remove', path: '/messages/1' },
      { op: 'add', path: '/messages/4', value: message(7) },
    ]);
  });

  it('sameJson is deep equality of JSON values', () => {
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameJson({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
  });
});
