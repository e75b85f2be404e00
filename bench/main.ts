/**
 * `npm run bench`: the benchmark harness (docs/benchmarks.md). For each engine: cold and warm
 * start, a town hall's data generated through the use cases, the ingest ratio against raw SQL,
 * registration over HTTP, and the step search for the most users the server keeps under p95
 * 250 ms with no errors. `embedded` is the default installation (`obieg serve` with
 * OBIEG_DATA_DIR only); `postgres` runs under scripts/test-postgres.sh --durable. Both fsync on.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { parseBenchOptions, toArgs, type BenchOptions } from './bench-options.ts';
import { describeMachine } from './machine.ts';
import { renderMarkdown, type BenchResults } from './report/markdown-report.ts';
import { runEngine, type EngineResult } from './run-engine.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const options = parseBenchOptions(process.argv.slice(2));
const began = performance.now();
/** Progress lines carry the time since the start (mm:ss), to see where the minutes go. */
const log = (line: string) => {
  const seconds = Math.floor((performance.now() - began) / 1000);
  console.log(
    `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')} ${line}`,
  );
};

// eslint-disable-next-line no-restricted-properties -- set by scripts/test-postgres.sh for this process
const postgresServer = process.env.OBIEG_TEST_DATABASE_URL;

if (options.resultFile) {
  // The PostgreSQL half, started by the parent under scripts/test-postgres.sh.
  if (!postgresServer)
    throw new Error('--result-file needs OBIEG_TEST_DATABASE_URL (scripts/test-postgres.sh)');
  const result = await runEngine('postgres', options, log, postgresServer);
  fs.writeFileSync(options.resultFile, JSON.stringify(result));
  process.exit(0);
}

const started = performance.now();
const results: BenchResults = {
  profile: options.profile,
  startedAt: new Date().toISOString(),
  seconds: 0,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: describeMachine(),
  think: options.think,
  engines: {},
  failures: {},
};
log(
  `Obieg benchmark, ${options.profile} profile on ${results.machine.cpus} × ${results.machine.cpuModel}`,
);
for (const engine of options.engines) {
  try {
    results.engines[engine] =
      engine === 'embedded'
        ? await runEngine('embedded', options, log)
        : await runPostgres(options);
  } catch (error) {
    results.failures[engine] =
      error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`[${engine}] failed: ${results.failures[engine]}`);
  }
}
results.seconds = (performance.now() - started) / 1000;

const markdown = renderMarkdown(results);
fs.mkdirSync(options.outDir, { recursive: true });
const stamp = results.startedAt.slice(0, 19).replace(/[:T]/g, '-');
const base = path.join(options.outDir, `${options.profile}-${stamp}`);
const config = (await prettier.resolveConfig(path.join(repoRoot, 'package.json'))) ?? {};
fs.writeFileSync(
  `${base}.json`,
  await prettier.format(JSON.stringify(results), { ...config, parser: 'json' }),
);
fs.writeFileSync(`${base}.md`, await prettier.format(markdown, { ...config, parser: 'markdown' }));
fs.copyFileSync(`${base}.json`, path.join(options.outDir, `latest-${options.profile}.json`));
fs.copyFileSync(`${base}.md`, path.join(options.outDir, `latest-${options.profile}.md`));
console.log(`\n${markdown}`);
console.log(`Results: ${base}.json and ${base}.md (${results.seconds.toFixed(0)} s in all)`);
process.exit(Object.keys(results.failures).length ? 1 : 0);

/** Runs the PostgreSQL half under scripts/test-postgres.sh (a throw-away server, as in CI). */
async function runPostgres(opts: BenchOptions): Promise<EngineResult> {
  const resultFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-bench-pg-')),
    'result.json',
  );
  const port = 55500 + (process.pid % 400);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      'bash',
      [
        'scripts/test-postgres.sh',
        process.execPath,
        '--import',
        'tsx',
        'bench/main.ts',
        ...toArgs(opts),
        '--engine',
        'postgres',
        '--result-file',
        resultFile,
      ],
      {
        cwd: repoRoot,
        // eslint-disable-next-line no-restricted-properties -- the child inherits the environment
        env: { ...process.env, OBIEG_TEST_PG_PORT: String(port) },
        stdio: 'inherit',
      },
    );
    child.on('exit', resolve);
  });
  if (code !== 0 || !fs.existsSync(resultFile))
    throw new Error(`PostgreSQL run exited with ${code}`);
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EngineResult;
}
