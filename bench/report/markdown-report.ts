import type { Engine } from '../bench-database.ts';
import type { MachineInfo } from '../machine.ts';
import type { ThinkProfile } from '../load/virtual-user.ts';
import type { EngineResult } from '../run-engine.ts';
import type { StepResult } from '../load/load-driver.ts';

export interface BenchResults {
  profile: 'quick' | 'full';
  startedAt: string;
  seconds: number;
  command: string;
  machine: MachineInfo;
  /** Think-time profile of the load test (ezd: EZD RP's; busy: 2-6 s). */
  think: ThinkProfile;
  engines: Partial<Record<Engine, EngineResult>>;
  /** An engine that could not run, and why. */
  failures: Partial<Record<Engine, string>>;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const mb = (kb: number | null | undefined) => (kb ? `${Math.round(kb / 1024)} MB` : '–');

/** The summary printed at the end and saved next to the JSON. */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [
    `# Obieg benchmark – ${results.profile} profile`,
    '',
    `${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${Math.round(results.seconds)} s, \`${results.command}\``,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB RAM, Linux ${m.kernel}, Node ${m.node}; commit ${m.commit ?? '?'}${m.dirty ? ' (with uncommitted changes)' : ''}; think time ${results.think === 'ezd' ? "EZD RP's (5-10 s kancelaria, 10-25 s others)" : 'busy (2-6 s)'}.`,
    '',
  ];
  const engines = Object.values(results.engines);
  if (engines.length) {
    lines.push('## Summary', '');
    lines.push(
      `| | ${engines.map((e) => e.engine).join(' | ')} |`,
      `|---|${engines.map(() => '---').join('|')}|`,
    );
    const row = (label: string, value: (e: EngineResult) => string) =>
      lines.push(`| ${label} | ${engines.map(value).join(' | ')} |`);
    row('**max users at p95 < 250 ms, no errors**', (e) =>
      e.load.maxUsers === null
        ? 'none passed'
        : `**${e.load.maxUsers}**${e.load.capped ? ' (cap reached)' : ''}`,
    );
    row('requests/s at that size', (e) => {
      const best = bestStep(e);
      return best ? best.stats.throughput.toFixed(1) : '–';
    });
    row('p50 / p95 / p99 at that size (ms)', (e) => {
      const best = bestStep(e);
      return best ? `${ms(best.stats.p50)} / ${ms(best.stats.p95)} / ${ms(best.stats.p99)}` : '–';
    });
    row(
      'ingest: use case vs raw SQL (ms per letter)',
      (e) =>
        `${e.ingest.useCase.meanMs.toFixed(2)} vs ${e.ingest.raw.meanMs.toFixed(2)} → **×${e.ingest.ratio.toFixed(2)}**`,
    );
    row(
      'bulk: use case in parallel / bulk use case / raw batches (letters/s)',
      (e) =>
        `${e.ingest.useCaseConcurrent.perSecond.toFixed(0)} (×${e.ingest.useCaseConcurrent.concurrency}) / ${e.ingest.useCaseBatched?.perSecond.toFixed(0) ?? '–'} (${e.ingest.useCaseBatched?.batch ?? '–'} per call) / ${e.ingest.rawBatched.perSecond.toFixed(0)}`,
    );
    row(
      'generator: use-case calls/s (letters/s)',
      (e) =>
        `${e.generation.stepsPerSecond.toFixed(0)} (${e.generation.incomingPerSecond.toFixed(1)})`,
    );
    row('HTTP registration, 8 in flight: letters/s; app CPU ms/letter', (e) =>
      e.http
        ? `${e.http.lettersPerSecond.toFixed(1)}; ${e.http.appCpuMsPerLetter?.toFixed(1) ?? '?'} (+ PostgreSQL ${e.http.postgresCpuMsPerLetter?.toFixed(1) ?? '?'})`
        : '–',
    );
    row('HTTP registration in one multipart request each: letters/s; app CPU ms/letter', (e) =>
      e.httpOneRequest
        ? `${e.httpOneRequest.lettersPerSecond.toFixed(1)}; ${e.httpOneRequest.appCpuMsPerLetter?.toFixed(1) ?? '?'} (+ PostgreSQL ${e.httpOneRequest.postgresCpuMsPerLetter?.toFixed(1) ?? '?'}); findable p95 ${ms(e.httpOneRequest.findable.p95Ms)} ms`
        : '–',
    );
    row('HTTP registration: findable in search p50 / p95 / max (over 5 s)', (e) =>
      e.http
        ? `${ms(e.http.findable.p50Ms)} / ${ms(e.http.findable.p95Ms)} / ${ms(e.http.findable.maxMs)} ms (${e.http.findable.over5s} of ${e.http.findable.sampled}; ${e.http.findable.notFound} not found in 30 s)`
        : '–',
    );
    row(
      'app RSS idle (demo) / idle (data) / max under load',
      (e) => `${mb(e.memory.idleDemoKb)} / ${mb(e.memory.idleDataKb)} / ${mb(e.memory.loadMaxKb)}`,
    );
    row(
      'Pss idle (demo) / idle (data): app / PostgreSQL (shared pages counted once)',
      (e) =>
        `${mb(e.memory.idleDemoPssKb)} / ${mb(e.memory.idleDataPssKb)}; ${mb(e.memory.postgresIdleDemoPssKb)} / ${mb(e.memory.postgresIdleDataPssKb)}`,
    );
    row(
      'PostgreSQL RSS idle (demo) / idle (data) / max under load',
      (e) =>
        `${mb(e.memory.postgresIdleDemoKb)} / ${mb(e.memory.postgresIdleDataKb)} / ${mb(e.memory.postgresLoadMaxKb)}`,
    );
    row(
      'start: cold (initdb on embedded, migrations, demo office) / warm',
      (e) =>
        `${e.start.coldSeconds?.toFixed(2) ?? '–'} s / ${e.start.warmSeconds?.toFixed(2) ?? '–'} s; on the generated data ${e.start.generatedDataSeconds.toFixed(2)} s`,
    );
    row(
      'server settings: fsync / synchronous_commit',
      (e) => `${e.settings.fsync} / ${e.settings.synchronousCommit}`,
    );
    row(
      'volume in the DB: letters / cases / outgoing / files (MB)',
      (e) =>
        `${e.settings.volume.letters} / ${e.settings.volume.cases} / ${e.settings.volume.outgoing} / ${e.settings.volume.files} (${e.settings.volume.filesMb} MB)`,
    );
    row(
      'machine before the run / before the load test (1-min load; cores busy)',
      (e) =>
        `${e.machineLoad.start.loadAverage[0]}; ${e.machineLoad.start.busyCores ?? '?'} / ${e.machineLoad.beforeLoadTest.loadAverage[0]}; ${e.machineLoad.beforeLoadTest.busyCores ?? '?'}`,
    );
    row('PostgreSQL', (e) => e.settings.version);
    lines.push('');
  }
  for (const e of engines) {
    lines.push(`## ${e.engine}`, '');
    const g = e.generation;
    lines.push(
      `Data: ${g.offices} office(s), ${g.simulatedDays} days (${g.from.slice(0, 10)} – ${g.to.slice(0, 10)}): ${g.counts.incoming} incoming, ${g.counts.cases} cases (${g.counts.closed} closed), ${g.counts.outgoing} outgoing, ${g.counts.documents} documents, ${g.counts.files} files; ${g.steps} use-case calls in ${g.seconds.toFixed(1)} s + ${g.setupSeconds.toFixed(1)} s setup; ${g.failedLetters} failed letters.`,
      '',
      `Load steps (think time ${e.load.think} × ${e.load.thinkFactor}, ramp ${e.load.rampSeconds} s, measured ${e.load.durationSeconds} s):`,
      '',
      '| users | req/s | p50 | p95 | p99 | errors | CPU cores: app / PostgreSQL / driver / whole machine | RSS max: app / PostgreSQL | result |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const s of [...e.load.steps, ...(e.load.confirmation ? [e.load.confirmation] : [])]) {
      lines.push(
        `| ${s.users}${s === e.load.confirmation ? ' (confirmation)' : ''} | ${s.stats.throughput.toFixed(1)} | ${ms(s.stats.p50)} | ${ms(s.stats.p95)} | ${ms(s.stats.p99)} | ${s.stats.errors} | ${s.serverCpuCores?.toFixed(2) ?? '–'} / ${s.postgresCpuCores?.toFixed(2) ?? '–'} / ${s.driverCpuCores.toFixed(2)} / ${s.machineCpuCores?.toFixed(2) ?? '–'} | ${mb(s.serverRssKb?.max)} / ${mb(s.postgresRssKb?.max)} | ${s.passed ? 'pass' : 'fail'} |`,
      );
    }
    if (e.http) {
      lines.push(
        '',
        `HTTP registration (${e.http.letters} letters, ${e.http.inFlight} in flight), letters/s per 1,000: ${e.http.perThousand.map((r) => r.toFixed(1)).join(', ')}.`,
      );
    }
    if (e.httpOneRequest) {
      lines.push(
        '',
        `HTTP registration in one request each (${e.httpOneRequest.letters} letters), letters/s per 1,000: ${e.httpOneRequest.perThousand.map((r) => r.toFixed(1)).join(', ')}.`,
      );
    }
    const best = bestStep(e) ?? e.load.steps.at(-1);
    if (best) {
      lines.push(
        '',
        `Per operation at ${best.users} users (ms):`,
        '',
        '| operation | count | p50 | p95 | p99 | max | errors |',
        '|---|---:|---:|---:|---:|---:|---:|',
      );
      for (const op of best.stats.operations) {
        lines.push(
          `| \`${op.operation}\` | ${op.count} | ${ms(op.p50)} | ${ms(op.p95)} | ${ms(op.p99)} | ${ms(op.max)} | ${op.errors} |`,
        );
      }
    }
    const failing = e.load.steps.find((s) => !s.passed);
    if (failing && failing.stats.errorKinds.length) {
      lines.push('', `Errors at ${failing.users} users:`, '');
      for (const k of failing.stats.errorKinds)
        lines.push(
          `- ${k.count} × \`${k.operation}\` → ${k.kind}${k.example ? `: ${k.example.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`,
        );
    }
    if (e.cpuProfile) {
      const p = e.cpuProfile.summary;
      lines.push(
        '',
        `Server CPU profile of the measured windows (${p.seconds.toFixed(1)} s busy; \`${e.cpuProfile.file}\`):`,
        '',
        '| self time by area | % |',
        '|---|---:|',
        ...p.selfByArea.slice(0, 10).map((a) => `| ${a.area} | ${a.percent} |`),
        '',
        '| inclusive time of our functions | % |',
        '|---|---:|',
        ...p.inclusive.slice(0, 12).map((f) => `| \`${f.name}\` (${f.where}) | ${f.percent} |`),
      );
    }
    if (e.statements) {
      const q = e.statements;
      lines.push(
        '',
        `SQL statements the server ran while it served the load test: ${q.statements} in ${(q.totalMs / 1000).toFixed(1)} s (from call to result, on a pool of 10 connections), heaviest:`,
        '',
        '| statement | calls | mean ms | share of database time |',
        '|---|---:|---:|---:|',
        ...q.top.map(
          (t) =>
            `| \`${t.sql.replace(/\|/g, '\\|')}\` | ${t.calls} | ${t.meanMs.toFixed(2)} | ${(t.share * 100).toFixed(1)} % |`,
        ),
      );
    }
    lines.push(
      '',
      `Login (argon2id, once per virtual user, outside the measured window): ${e.load.login.requests} logins, p50 ${ms(e.load.login.p50)} ms, p95 ${ms(e.load.login.p95)} ms.`,
      '',
    );
  }
  for (const [engine, reason] of Object.entries(results.failures)) {
    lines.push(`## ${engine}: not measured`, '', '```', reason, '```', '');
  }
  return lines.join('\n');
}

export function bestStep(e: EngineResult): StepResult | undefined {
  return e.load.steps.find((s) => s.passed && s.users === e.load.maxUsers);
}
