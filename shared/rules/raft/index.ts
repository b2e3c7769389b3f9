/** Raft's public face: what the server, the UI and the tests import besides the engine. */
export * from './types';
export { raftRules } from './rules';
export { raftNodeView, raftMoveChoices, type RaftNodeView } from './view';
export { narrateRaft } from './narrate';
export { staleLeaders, shipHeading, raftInvariants } from './monitor';
export { nodeLabel, majority } from './state';
export { toArray as logEntries } from './log';
