/**
 * `npx tsx bench/fold-hash.ts [raft,bully,lease] [--class]`: a sha-256 over what the replay
 * player builds from each cached synthetic hour (`--class`: the server-shaped class hour,
 * bench/class-hour-cache.ts) (rows, markers, diagram, checkpoint times, every
 * 25th checkpoint's room, five seeks with their frames), so that a change to the fold can
 * be shown to build the very same film: run it before and after, compare the lines.
 * Uses the same cached hours as bench/fold-cpu.ts (BENCH_CACHE). Asserts nothing.
 */
import { createHash } from 'node:crypto';
import { frameAt } from '../shared/replay/frame';
import { sliceRound } from '../shared/replay/rounds';
import { buildTimeline, rowOf, seek } from '../shared/replay/timeline';
import { classHourRows } from './class-hour-cache';
import { hourOf, roomLog } from './fold-hour';

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

const args = process.argv.slice(2);
const classHour = args.includes('--class');
for (const algorithm of args.find((a) => !a.startsWith('--'))?.split(',') ?? ['raft', 'bully', 'lease']) {
  const slice = sliceRound(classHour ? classHourRows(algorithm) : roomLog(algorithm, hourOf(algorithm)), 1)!;
  const timeline = buildTimeline(slice);
  const seeks = [0.1, 0.33, 0.5, 0.77, 0.99].map((share) => {
    const t = share * timeline.endTime;
    return { seek: seek(timeline, t), frame: frameAt(timeline, t, 7) };
  });
  const parts = {
    // Rows as the objects they were before they became columns (the same hash for the same rows).
    rows: sha(Array.from({ length: timeline.rows.length }, (_, i) => rowOf(timeline, i))),
    markers: sha(timeline.markers),
    diagram: sha(timeline.diagram),
    checkpoints: sha(timeline.checkpoints.map((c) => [c.index, c.time])),
    rooms: sha(timeline.checkpoints.filter((_, i) => i % 25 === 0).map((c) => c.room)),
    seeks: sha(seeks),
  };
  console.log(`${algorithm}${classHour ? ' (class hour)' : ''}: ${Object.entries(parts).map(([k, v]) => `${k} ${v}`).join(', ')}; all ${sha(parts)}`);
}
