/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: the functions
 * with the most self time, and the project's own functions with the most total time
 * (self + what they call), each as a share of the profiled time.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  ms: number;
  share: number;
}

function describe(node: ProfileNode, root: string): { name: string; where: string } {
  const { functionName, url, lineNumber } = node.callFrame;
  const path = url.startsWith('file://') ? relative(root, decodeURIComponent(url.slice('file://'.length))) : url;
  // tsx compiles the project's .ts files without mapping lines back: a line there means nothing.
  const line = path && !path.endsWith('.ts') ? `:${lineNumber + 1}` : '';
  return { name: functionName || '(anonymous)', where: `${path}${line}` };
}

export function summarizeProfile(file: string, root: string, top = 20, everyFunction = false): { totalMs: number; idleMs: number; self: HotFunction[]; inclusive: HotFunction[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let totalUs = 0;
  let idleUs = 0;
  const self = new Map<string, HotFunction>();
  const inclusive = new Map<string, HotFunction>();
  const add = (map: Map<string, HotFunction>, node: ProfileNode, us: number) => {
    const { name, where } = describe(node, root);
    const key = `${name}@${where}`;
    const entry = map.get(key) ?? { name, where, ms: 0, share: 0 };
    entry.ms += us / 1000;
    map.set(key, entry);
  };
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    if (node.callFrame.functionName === '(idle)') idleUs += us;
    add(self, node, us);
    // Total time: each function on the stack once (recursion must not count twice).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      const { name, where } = describe(frame, root);
      const key = `${name}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, frame, us);
    }
  }
  const busyMs = (totalUs - idleUs) / 1000;
  const rank = (map: Map<string, HotFunction>, keep: (f: HotFunction) => boolean) =>
    [...map.values()]
      .filter(keep)
      .map((f) => ({ ...f, share: f.ms / busyMs }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  const special = (f: HotFunction) => f.name === '(idle)' || f.name === '(root)' || f.name === '(program)';
  const ours = (f: HotFunction) => /^(server|shared|bench)\//.test(f.where);
  return { totalMs: totalUs / 1000, idleMs: idleUs / 1000, self: rank(self, (f) => !special(f)), inclusive: rank(inclusive, everyFunction ? (f) => !special(f) : ours) };
}
