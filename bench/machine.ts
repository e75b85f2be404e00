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

/**
 * Waits until the 1-minute load average is below `limit` (other work on the machine would make
 * the figures dishonest), up to `maxMinutes`; returns the load it started with.
 */
export async function waitForQuietMachine(
  limit: number,
  maxMinutes: number,
  log: (line: string) => void,
): Promise<number[]> {
  const deadline = Date.now() + maxMinutes * 60_000;
  let load = loadAverage();
  while (load[0]! > limit && Date.now() < deadline) {
    log(`  load average ${load.join(' ')} > ${limit}: waiting for the machine to calm down…`);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    load = loadAverage();
  }
  if (load[0]! > limit)
    log(
      `  load still ${load.join(' ')} after ${maxMinutes} min: measuring anyway (noted in the results)`,
    );
  return load;
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
