/** Bully's leaders: nodes that name themselves coordinator (read once per state's arrays, see leader-reading.ts). */
import { leaderReading } from '../leader-reading';
import type { BullyCluster } from './types';

export const bullyLeaders = leaderReading((state: BullyCluster) => state.bully, (node, index) => node.coordinator === index);
