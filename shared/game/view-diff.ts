/**
 * The watchers' patch between two round views (issue 12): RFC 6902 operations that turn
 * `before` into `after`, as `fast-json-patch`'s `compare` makes them, but aware of the
 * view's rolling lists. A list that keeps its last N entries (a team's refusal lines, the
 * messages in flight as the oldest are delivered) loses its head and gains a tail; an
 * index-by-index diff then rewrites every entry, and the patch outgrew half the whole view
 * (then the whole view went out instead: about once a second per watcher in a 30-student
 * room of refusing bots). Here such a shift becomes `remove /list/0` (k times) and the
 * new tail's `add`s, and only what really changed is sent. Lists whose entries carry an
 * `id` (messages in flight, delivered out of order) are matched by id: the entries that
 * went are removed wherever they were.
 */
import { compare } from 'fast-json-patch';
import type { ViewPatchOp } from './view-patch-schema';

/** Longest head a list may lose between two views and still be seen as shifted. */
const MAX_SHIFT = 8;
/** Lists with ids are matched by id up to this length (a 300-node heartbeat: 299 messages). */
const MAX_KEYED = 5_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Deep equality of JSON values (views are plain JSON: no dates, maps or cycles). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bs[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!(key in b) || !sameJson(a[key], b[key])) return false;
  return true;
}

/** How many entries `before` lost at its head to line up with `after` (0: none, or no shift seen). */
function shiftOf(before: unknown[], after: unknown[]): number {
  if (before.length === 0 || after.length === 0) return 0;
  // Cheap first: is `after`'s head somewhere near `before`'s head? Entries that differ (two
  // nodes, two messages) usually differ in their first fields, so most lists stop here.
  for (let k = 1; k <= Math.min(MAX_SHIFT, before.length - 1); k++) {
    const kept = before.length - k;
    if (after.length < kept || !sameJson(before[k], after[0])) continue;
    if (sameJson(before[0], after[0])) return 0; // repeated entries: no shift to see
    let all = true;
    for (let i = 1; i < kept && all; i++) all = sameJson(before[i + k], after[i]);
    if (all) return k;
  }
  return 0;
}

/**
 * `before` with every shifted list already shifted (and its remove ops pushed), sharing
 * `after`'s entries where they are known equal so that `compare` skips them (it stops at
 * identical objects). Copies only along the paths it changes: `before` is not touched.
 * The path is a stack of keys, made into a pointer only for an op (rare): building a
 * string per key visited cost three times the diff itself.
 */
function align(before: unknown, after: unknown, keys: string[], ops: ViewPatchOp[]): unknown {
  if (before === after || !isObject(before) || !isObject(after) || Array.isArray(before) !== Array.isArray(after)) return before;
  if (Array.isArray(before)) {
    const next = after as unknown as unknown[];
    const keyed = removedById(before, next);
    if (keyed) {
      // Highest index first, so each remove's index still points where it meant.
      for (let i = keyed.removed.length - 1; i >= 0; i--) ops.push({ op: 'remove', path: pointer(keys, String(keyed.removed[i])) } as ViewPatchOp);
      return alignEntries(keyed.kept, next, keys, ops);
    }
    const k = shiftOf(before, next);
    if (k > 0) {
      const path = pointer(keys, '0');
      for (let i = 0; i < k; i++) ops.push({ op: 'remove', path } as ViewPatchOp);
      // The kept entries equal the head of `after`: take them from there.
      return next.slice(0, before.length - k);
    }
    return alignEntries(before, next, keys, ops);
  }
  let out: Record<string, unknown> = before;
  for (const key in after) {
    const entry = before[key];
    if (!isObject(entry)) continue;
    keys.push(key);
    const aligned = align(entry, after[key], keys, ops);
    keys.pop();
    if (aligned !== entry) {
      if (out === before) out = { ...before };
      out[key] = aligned;
    }
  }
  return out;
}

function alignEntries(before: unknown[], next: unknown[], keys: string[], ops: ViewPatchOp[]): unknown[] {
  let out: unknown[] = before;
  for (let i = 0; i < Math.min(before.length, next.length); i++) {
    const entry = before[i];
    if (!isObject(entry)) continue;
    keys.push(String(i));
    const aligned = align(entry, next[i], keys, ops);
    keys.pop();
    if (aligned !== entry) {
      if (out === before) out = before.slice();
      out[i] = aligned;
    }
  }
  return out;
}

const idOf = (entry: unknown): unknown => (isObject(entry) ? entry.id : undefined);

/**
 * A list of entries with ids (messages in flight) that lost some anywhere and kept the
 * others in order, new ones after them: which indices went, and what stays. Null when
 * the list has no ids, lost none, or was reordered (then the index diff does).
 */
function removedById(before: unknown[], after: unknown[]): { removed: number[]; kept: unknown[] } | null {
  if (before.length === 0 || before.length > MAX_KEYED || !before.every((e) => typeof idOf(e) === 'number' || typeof idOf(e) === 'string')) return null;
  const stays = new Set(after.map(idOf));
  const removed: number[] = [];
  const kept: unknown[] = [];
  before.forEach((entry, i) => (stays.has(idOf(entry)) ? kept.push(entry) : removed.push(i)));
  if (removed.length === 0) return null;
  for (let i = 0; i < kept.length; i++) if (idOf(after[i]) !== idOf(kept[i])) return null;
  return { removed, kept };
}

const pointer = (keys: string[], last: string) => `/${keys.map(escapeKey).concat(last).join('/')}`;

/** The operations that turn `before` into `after`, list shifts first. */
export function diffView(before: object, after: object): ViewPatchOp[] {
  const ops: ViewPatchOp[] = [];
  const aligned = align(before, after, [], ops) as object;
  return ops.concat(compare(aligned, after) as ViewPatchOp[]);
}
