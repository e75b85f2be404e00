import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';

/** The machine the figures come from, and how busy it was: results mean nothing without it. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  kernel: string;
  node: string;
  commit: string | null;
  /** Uncommitted changes in the working tree when the benchmark ran. */
  dirty: boolean | null;
}

export function describeMachine(): MachineInfo {
  const model =
    /^model name\s*:\s*(.+)$/m.exec(readOr('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? '?';
  return {
    cpus: os.availableParallelism(),
    cpuModel: model.trim(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: os.release(),
    node: process.version,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: (() => {
      const status = git(['status', '--porcelain']);
      return status === null ? null : status.length > 0;
    })(),
  };
}

function readOr(file: string) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export const loadAverage = () => os.loadavg().map((v) => Math.round(v * 100) / 100);

/** Cores busy on the whole machine over `seconds` (from /proc/stat), null off Linux. */
export async function busyCores(seconds: number): Promise<number | null> {
  const read = () => {
    const line = /^cpu\s+(.+)$/m.exec(readOr('/proc/stat'))?.[1];
    if (!line) return null;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).map(Number);
    return { busy: user! + nice! + system! + irq! + softirq! + steal!, idle: idle! + iowait! };
  };
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = read();
  if (!before || !after) return null;
  const busy = after.busy - before.busy;
  const total = busy + after.idle - before.idle;
  return total > 0 ? Math.round((busy / total) * os.availableParallelism() * 100) / 100 : null;
}

/**
 * Waits until the machine is quiet before a measurement: the 1-minute load average below
 * `maxLoad` at the start of the run, then (when our own work has raised the load average) fewer
 * than half a core busy over 3 s, i.e. nobody else is running. Up to `maxMinutes`; returns what
 * it saw, so results say how quiet the machine was.
 */
export async function waitForQuietMachine(
  maxLoad: number,
  maxMinutes: number,
  log: (line: string) => void,
): Promise<{ loadAverage: number[]; busyCores: number | null }> {
  const deadline = Date.now() + maxMinutes * 60_000;
  for (;;) {
    const load = loadAverage();
    const busy = await busyCores(3);
    const quiet = load[0]! <= maxLoad || (busy !== null && busy < 0.5);
    if (quiet) return { loadAverage: load, busyCores: busy };
    if (Date.now() > deadline) {
      log(
        `  machine still busy (load ${load.join(' ')}, ${busy} cores busy) after ${maxMinutes} min: measuring anyway`,
      );
      return { loadAverage: load, busyCores: busy };
    }
    log(`  machine busy (load ${load.join(' ')}, ${busy ?? '?'} cores in use by others): waiting…`);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
}

/** A free TCP port on 127.0.0.1 at or after `from`. */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${from + 199}`);
}
