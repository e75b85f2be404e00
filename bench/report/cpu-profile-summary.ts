/**
 * Reads a V8 CPU profile (`node --cpu-prof`, written by `npm run bench -- --cpu-prof`) and prints
 * where the server spent its time: self time by function and by package or source folder, and the
 * inclusive time of the functions that matter most.
 *
 *   npx tsx bench/report/cpu-profile-summary.ts bench/results/server-embedded.cpuprofile [--top 25]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  seconds: number;
  selfByFunction: Array<{ name: string; where: string; percent: number }>;
  selfByArea: Array<{ area: string; percent: number }>;
  inclusive: Array<{ name: string; where: string; percent: number }>;
}

/** `node_modules/<package>` or the source folder (src/modules/search, ...) a frame belongs to. */
function areaOf(url: string): string {
  if (!url) return '(native / V8)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const source = /\/(src\/(?:modules\/[^/]+|platform\/[^/]+|[^/]+))/.exec(url);
  if (source) return source[1]!;
  if (url.startsWith('node:')) return 'node (built-in)';
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

/**
 * `windows`: only samples inside these intervals (seconds since the profile started, i.e. since
 * the server process started) count, e.g. the measured windows of the load steps.
 */
export function summariseProfile(
  profile: Profile,
  top = 25,
  windows?: Array<{ from: number; to: number }>,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    let at = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      const delta = profile.timeDeltas[i] ?? 0;
      at += delta;
      const seconds = at / 1e6;
      if (windows && !windows.some((w) => seconds >= w.from && seconds <= w.to)) continue;
      const id = profile.samples[i]!;
      selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
    }
  } else {
    const interval =
      (profile.endTime - profile.startTime) /
      Math.max(
        1,
        profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0),
      );
    for (const node of profile.nodes) selfMicros.set(node.id, (node.hitCount ?? 0) * interval);
  }
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const idle = [...byId.values()]
    .filter((n) => n.callFrame.functionName === '(idle)')
    .reduce((s, n) => s + (selfMicros.get(n.id) ?? 0), 0);
  const busy = Math.max(1, total - idle);
  const label = (n: ProfileNode) => n.callFrame.functionName || '(anonymous)';
  const where = (n: ProfileNode) => {
    const url = n.callFrame.url;
    const file = /\/(src\/.+)$/.exec(url)?.[1];
    return `${file ?? areaOf(url)}:${n.callFrame.lineNumber + 1}`;
  };

  const selfFn = new Map<string, { name: string; where: string; micros: number }>();
  const selfArea = new Map<string, number>();
  for (const node of byId.values()) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (!micros || label(node) === '(idle)') continue;
    const key = `${label(node)}@${where(node)}`;
    const entry = selfFn.get(key) ?? { name: label(node), where: where(node), micros: 0 };
    entry.micros += micros;
    selfFn.set(key, entry);
    const area =
      label(node) === '(garbage collector)' ? '(garbage collector)' : areaOf(node.callFrame.url);
    selfArea.set(area, (selfArea.get(area) ?? 0) + micros);
  }

  // Inclusive time per function, counting each function once per stack (no double count in recursion).
  const inclusive = new Map<string, { name: string; where: string; micros: number }>();
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!;
    let micros = label(node) === '(idle)' ? 0 : (selfMicros.get(id) ?? 0);
    const key = `${label(node)}@${where(node)}`;
    const fresh = !onStack.has(key);
    if (fresh) onStack.add(key);
    for (const child of node.children ?? []) micros += walk(child, onStack);
    if (fresh) {
      onStack.delete(key);
      const entry = inclusive.get(key) ?? { name: label(node), where: where(node), micros: 0 };
      entry.micros += micros;
      inclusive.set(key, entry);
    }
    return micros;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());
  const pct = (micros: number) => Math.round((micros / busy) * 1000) / 10;
  return {
    seconds: busy / 1e6,
    selfByFunction: [...selfFn.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((e) => ({ name: e.name, where: e.where, percent: pct(e.micros) })),
    selfByArea: [...selfArea.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, micros]) => ({ area, percent: pct(micros) })),
    inclusive: [...inclusive.values()]
      .filter((e) => !e.name.startsWith('(') && e.where.startsWith('src/'))
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((e) => ({ name: e.name, where: e.where, percent: pct(e.micros) })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '25' },
      /** Seconds since server start, e.g. --from 40 --to 55 (see cpuProfileWindows in the results). */
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: tsx bench/report/cpu-profile-summary.ts FILE.cpuprofile [--top N]');
    process.exit(2);
  }
  const windows =
    values.from !== undefined
      ? [{ from: Number(values.from), to: Number(values.to ?? Infinity) }]
      : undefined;
  const summary = summariseProfile(
    JSON.parse(fs.readFileSync(file, 'utf8')) as Profile,
    Number(values.top),
    windows,
  );
  console.log(`CPU busy: ${summary.seconds.toFixed(1)} s (idle excluded)\n`);
  console.log('Self time by package / source folder:');
  for (const a of summary.selfByArea)
    console.log(`  ${a.percent.toFixed(1).padStart(5)} %  ${a.area}`);
  console.log('\nSelf time by function:');
  for (const f of summary.selfByFunction)
    console.log(`  ${f.percent.toFixed(1).padStart(5)} %  ${f.name}  (${f.where})`);
  console.log('\nInclusive time of our functions (src/):');
  for (const f of summary.inclusive)
    console.log(`  ${f.percent.toFixed(1).padStart(5)} %  ${f.name}  (${f.where})`);
}
