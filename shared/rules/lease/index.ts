/** Lease's public face: the rules, their types, a player's view and moves, and the ticker. */
export { leaseRules } from './rules';
export { leaseNodeView, leaseMoves } from './view';
export type { LeaseNodeView, LeaseMove } from './view';
export { narrateLease } from './narrate';
export { leaseInvariants, leaseStepViolations } from './invariants';
export { leaseParams } from './init';
export * from './types';
