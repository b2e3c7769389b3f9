/**
 * Every algorithm's parts of the wire (its view and move schemas, its own refusal codes),
 * kept apart from its rules. The protocol's unions (shared/game/view-schemas.ts, moves.ts,
 * refusal-schema.ts) are built from here, so a browser that checks the views it receives
 * loads each algorithm's schemas and not its decide/evolve/narrate (issue 12: the rules
 * were about half of the student page's schema chunk). registry.ts hands every module it
 * registers to `registerWire` too, so an algorithm registered at start-up (the dummy in
 * test/unit/algorithms) is described on the wire as before.
 */
import type { AlgorithmModule } from './module';
import { bullyExtrasSchema, bullyMoveSchemas, bullyNodeViewSchema } from './bully/wire-schema';
import { leaseExtrasSchema, leaseMoveSchemas, leaseNodeViewSchema } from './lease/wire-schema';
import { raftExtrasSchema, raftMoveSchemas, raftNodeViewSchema } from './raft/wire-schema';

/** What the wire needs of a module: its name, its `wire` schemas and its refusal codes. */
export type AlgorithmWire = Pick<AlgorithmModule, 'name' | 'wire' | 'refusalCodes'>;

const WIRES = new Map<string, AlgorithmWire>();
/** Bumped by every new or changed entry, so schemas built from the wires know when to rebuild. */
let generation = 0;

function sameWire(a: AlgorithmWire, b: AlgorithmWire): boolean {
  const codes = (w: AlgorithmWire) => (w.refusalCodes ?? []).join(' ');
  return a.wire.node === b.wire.node && a.wire.extras === b.wire.extras && a.wire.moves === b.wire.moves && codes(a) === codes(b);
}

/** Adds (or replaces) an algorithm's wire parts; the same parts again change nothing. */
export function registerWire(entry: AlgorithmWire): void {
  const known = WIRES.get(entry.name);
  if (known && sameWire(known, entry)) return;
  WIRES.set(entry.name, { name: entry.name, wire: entry.wire, refusalCodes: entry.refusalCodes });
  generation += 1;
}

/** Calls `build` again only after a registration: wire schemas made from every algorithm's parts. */
export function fromWires<T>(build: (wires: AlgorithmWire[]) => T): () => T {
  let built: { generation: number; value: T } | null = null;
  return () => {
    if (!built || built.generation !== generation) built = { generation, value: build([...WIRES.values()]) };
    return built.value;
  };
}

// The built-in algorithms, in the registry's order (registry.ts registers their modules too).
registerWire({ name: 'raft', wire: { node: raftNodeViewSchema, extras: raftExtrasSchema, moves: raftMoveSchemas } });
registerWire({ name: 'bully', wire: { node: bullyNodeViewSchema, extras: bullyExtrasSchema, moves: bullyMoveSchemas } });
registerWire({ name: 'lease', wire: { node: leaseNodeViewSchema, extras: leaseExtrasSchema, moves: leaseMoveSchemas } });
