/** The public face of the rules core: what the server and the browser import. */
export { createCluster, decide, evolve, createEmitter, DEFAULT_NETWORK } from './engine';
export type { ClusterConfig, Decision } from './engine';
export type { Refusal } from './refusal';
export { localTime } from './clock';
export * from './types';
