import type { Command } from 'commander';
import type { Runtime } from '../runtime.ts';
import type { ActorDeps } from '../platform/record/transaction.ts';
import { checkArchivalPackage, type PackageFinding } from '../modules/archive/package-check.ts';
import { exportArchivalPackage } from '../modules/archive/package-export.usecases.ts';

/** What the command line gives the archive commands (defined in src/cli/main.ts). */
export interface ArchiveCliHelpers {
  withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T>;
  officeAdmin(runtime: Runtime, officeCode: string, login?: string): Promise<ActorDeps>;
}

/** `obieg archive check|export`: archival packages for the state archive. */
export function registerArchiveCommands(program: Command, cli: ArchiveCliHelpers) {
  const archive = program
    .command('archive')
    .description('Archiwum zakładowe: paczki archiwalne / archival packages');

  archive
    .command('check <package>')
    .description(
      'Sprawdza paczkę archiwalną (folder) i wypisuje wszystkie uwagi / checks an archival package and lists every finding',
    )
    .action(async (directory: string) => {
      const findings = await checkArchivalPackage(directory);
      printFindings(findings);
      if (findings.length > 0) process.exitCode = 1;
    });

  archive
    .command('export')
    .description(
      'Zapisuje paczkę archiwalną akt kategorii A z danej klasy i roku / exports an archival package',
    )
    .requiredOption('--office <code>')
    .requiredOption('--class <symbol>', 'klasa JRWA, np. 3011')
    .requiredOption('--year <year>', 'rok spraw, np. 2025')
    .requiredOption('--out <dir>', 'nowy folder paczki')
    .option('--as <login>', 'archiwista, w którego imieniu działa polecenie')
    .action((opts: { office: string; class: string; year: string; out: string; as?: string }) =>
      cli.withRuntime(async (runtime) => {
        const deps = await cli.officeAdmin(runtime, opts.office, opts.as);
        const result = await exportArchivalPackage(
          { ...deps, files: runtime.files },
          { jrwaSymbol: opts.class, year: Number(opts.year), directory: opts.out },
        );
        console.log(
          `Paczka / package: ${result.directory} — ${result.cases} spraw / cases, ${result.files} plików / files`,
        );
        printFindings(result.findings);
        if (result.findings.length > 0) process.exitCode = 1;
      }),
    );
}

function printFindings(findings: PackageFinding[]) {
  if (findings.length === 0) {
    console.log('Bez uwag / no findings');
    return;
  }
  for (const finding of findings)
    console.log(`${finding.kind}\t${finding.path}\t${finding.detail}`);
  console.log(`Uwag / findings: ${findings.length}`);
}
