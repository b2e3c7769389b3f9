/**
 * The one registry of algorithms. The engine, the game layer, the server and the app look
 * an algorithm up here by the name a state or a round carries, and iterate `algorithms()`
 * to list them; nobody else branches on an algorithm's name (issue 10). Adding an
 * algorithm is one folder with its module, registered below (or by `registerAlgorithm`
 * at start-up, as test/unit/algorithms/dummy does), and its `wire-schema.ts` parts listed
 * in wire-registry.ts, so a browser checks its views without loading its rules (issue 12).
 */
import { bullyModule } from './bully/module';
import { leaseModule } from './lease/module';
import type { AlgorithmModule } from './module';
import { paramsRefusal } from './params';
import { REFUSAL_CODES, type Refusal } from './refusal';
import { raftModule } from './raft/module';
import { registerWire } from './wire-registry';

/** Any algorithm's module, its own state and command types erased. */
export type AnyAlgorithmModule = AlgorithmModule;

const MODULES: Record<string, AnyAlgorithmModule> = {};

/**
 * Adds an algorithm. The cast erases the module's narrower state and command types: the
 * engine only ever hands a module the states whose `algorithm` is the module's name.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerAlgorithm(module: AlgorithmModule<any, any, any, any>): void {
  const erased = module as unknown as AnyAlgorithmModule;
  if (MODULES[erased.name] && MODULES[erased.name] !== erased) throw new Error(`algorithm "${erased.name}" is already registered`);
  const clash = erased.refusalCodes?.find((code) => (REFUSAL_CODES as readonly string[]).includes(code) || !/^[a-z]+(-[a-z]+)*$/.test(code));
  if (clash) throw new Error(`algorithm "${erased.name}": refusal code "${clash}" is built in or not kebab-case`);
  MODULES[erased.name] = erased;
  // The protocol's schemas are built from the wire registry (wire-registry.ts says why).
  registerWire(erased);
}

registerAlgorithm(raftModule);
registerAlgorithm(bullyModule);
registerAlgorithm(leaseModule);

export function algorithmModule(name: string): AnyAlgorithmModule {
  const module = MODULES[name];
  if (!module) throw new Error(`unknown algorithm "${name}"`);
  return module;
}

export function isAlgorithm(name: string): boolean {
  return name in MODULES;
}

/** Every registered algorithm, in the order registered (the host's set-up lists them so). */
export function algorithms(): AnyAlgorithmModule[] {
  return Object.values(MODULES);
}

/**
 * The parameters in force for a round: the algorithm's defaults under the given values,
 * or a refusal naming the first value out of range (never a silent replacement).
 */
export function paramsInForce(name: string, params: Record<string, unknown>): { ok: true; params: Record<string, unknown> } | { ok: false; refusal: Refusal } {
  const parsed = algorithmModule(name).params.safeParse(params);
  return parsed.success ? { ok: true, params: parsed.data as Record<string, unknown> } : { ok: false, refusal: paramsRefusal(parsed.error) };
}
