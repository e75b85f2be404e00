import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import { Command, Option } from 'commander';
import { childEnvironment, loadSettings, settingsDocumentation } from '../config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { buildOpenApiDocument } from '../app.ts';
import { findDemoOffice, seedDemoOffice } from '../demo/demo-office.ts';
import { seedDemoActivity } from '../demo/demo-activity.ts';
import { seedDemoSigning } from '../demo/demo-signing.ts';
import { verifyRecordChains } from '../modules/cases/case-record.verify.ts';
import { createOffice, createUser } from '../modules/org/org.usecases.ts';
import { importJrwa } from '../modules/jrwa/jrwa.usecases.ts';
import { loadActor } from '../modules/org/actor-loader.ts';
import { localDate } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { roleNames, scopes } from '../modules/org/org.schemas.ts';
import { registerArchiveCommands } from './archive-commands.ts';
import { registerChannelCommands } from './channel-commands.ts';
import { runServe } from './serve.ts';

const program = new Command('obieg').description('Obieg – elektroniczny obieg dokumentów (EZD)');
const settingsHelp = Object.entries(settingsDocumentation)
  .map(([key, text]) => `  ${key}: ${text}`)
  .join('\n');
program.addHelpText('after', `\nUstawienia (zmienne środowiskowe) / settings:\n${settingsHelp}`);

async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadSettings());
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** The CLI acts as an administrator of the office (the first one, unless --as names another). */
async function officeAdmin(runtime: Runtime, officeCode: string, login?: string) {
  const office = await runtime.db
    .selectFrom('offices')
    .select('id')
    .where('code', '=', officeCode)
    .executeTakeFirst();
  if (!office)
    throw new Error(`Nie ma urzędu o kodzie "${officeCode}" / no office with code "${officeCode}"`);
  let query = runtime.db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select('users.id')
    .where('users.office_id', '=', office.id)
    .orderBy('users.created_at');
  query = login
    ? query.where('users.login', '=', login)
    : query.where('role_grants.role', '=', 'administrator');
  const user = await query.executeTakeFirst();
  if (!user)
    throw new Error('Nie znaleziono administratora urzędu / office administrator not found');
  const actor = await loadActor(runtime.db, user.id, localDate(runtime.clock.now()));
  return { db: runtime.db, clock: runtime.clock, actor: actor! };
}

/** Seeds the demo office into an empty database; its signing certificates come separately. */
async function ensureDemo(runtime: Runtime): Promise<boolean> {
  const existing = await runtime.db.selectFrom('offices').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  runtime.logger.info('Pusta baza: tworzę urząd demonstracyjny „Urząd Miasta Demo”…');
  const demo = await seedDemoOffice(runtime);
  await seedDemoActivity(runtime, demo);
  return true;
}

/** The demo people's certificates and the seal, where missing (generating keys takes seconds). */
async function ensureDemoSigning(runtime: Runtime) {
  const demo = await findDemoOffice(runtime);
  if (demo) await seedDemoSigning(runtime, demo);
}

/**
 * The same, in a short-lived process of its own, for `serve`: generating 21 keys and signing with
 * them grows a heap by tens of megabytes that V8 keeps, and the primary runs for months.
 */
function ensureDemoSigningApart(runtime: Runtime) {
  return new Promise<void>((resolve, reject) => {
    const child = fork(process.argv[1]!, ['demo', '--signing-only'], {
      env: childEnvironment({ DATABASE_URL: runtime.database.connectionString }),
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`obieg demo --signing-only: ${signal ?? `exit code ${code}`}`)),
    );
  });
}

program
  .command('serve')
  .description('Uruchamia serwer HTTP (API) / starts the HTTP server')
  .option(
    '--demo',
    'na pustej bazie tworzy urząd demonstracyjny / seed the demo office into an empty database',
  )
  .action((options: { demo?: boolean }) =>
    runServe({
      demo: Boolean(options.demo),
      ensureDemo,
      ensureDemoSigning: ensureDemoSigningApart,
    }),
  );

program
  .command('migrate')
  .description('Stosuje migracje bazy danych / applies database migrations')
  .action(() => withRuntime(async () => console.log('Migracje zastosowane / migrations applied')));

program
  .command('demo')
  .description('Tworzy urząd demonstracyjny w pustej bazie / seeds the demo office')
  .option(
    '--signing-only',
    "tylko brakujące certyfikaty urzędu demonstracyjnego / only the demo office's missing certificates",
  )
  .action((options: { signingOnly?: boolean }) =>
    withRuntime(async (runtime) => {
      if (options.signingOnly) return ensureDemoSigning(runtime);
      const created = await ensureDemo(runtime);
      await ensureDemoSigning(runtime);
      console.log(
        created
          ? 'Utworzono urząd demonstracyjny / demo office created'
          : 'Baza nie jest pusta – pominięto / database not empty, skipped',
      );
    }),
  );

const office = program.command('office').description('Urzędy (podmioty) / offices');
office
  .command('create')
  .description('Tworzy urząd z komórką główną i administratorem / creates an office')
  .requiredOption('--code <code>', 'kod urzędu, np. um-swinoujscie')
  .requiredOption('--name <name>', 'nazwa, np. "Urząd Miasta Świnoujście"')
  .requiredOption('--unit-symbol <symbol>', 'symbol komórki głównej, np. UM')
  .option('--unit-name <name>', 'nazwa komórki głównej')
  .requiredOption('--admin-login <login>')
  .requiredOption('--admin-name <name>')
  .option('--admin-password <password>', 'hasło (min. 12 znaków); domyślnie z OBIEG_ADMIN_PASSWORD')
  .action(
    (opts: {
      code: string;
      name: string;
      unitSymbol: string;
      unitName?: string;
      adminLogin: string;
      adminName: string;
      adminPassword?: string;
    }) =>
      withRuntime(async (runtime) => {
        // eslint-disable-next-line no-restricted-properties -- a one-off secret for this command, not a setting
        const password = opts.adminPassword ?? process.env.OBIEG_ADMIN_PASSWORD ?? '';
        const created = await createOffice(runtime, {
          code: opts.code,
          name: opts.name,
          rootUnit: { symbol: opts.unitSymbol, name: opts.unitName ?? opts.name },
          admin: { login: opts.adminLogin, name: opts.adminName, password },
        });
        console.log(`Utworzono urząd ${created.name} (${created.code}), id ${created.id}`);
      }),
  );

const jrwa = program.command('jrwa').description('Wykaz akt / file plan');
jrwa
  .command('import <file>')
  .description('Importuje wykaz akt (TSV) jako nową wersję / imports a JRWA file')
  .requiredOption('--office <code>')
  .requiredOption('--adopted-on <date>', 'data przyjęcia wykazu, RRRR-MM-DD')
  .option('--name <name>', 'nazwa wersji', 'Jednolity rzeczowy wykaz akt')
  .option('--as <login>', 'działaj jako ten administrator / archiwista')
  .action((file: string, opts: { office: string; adoptedOn: string; name: string; as?: string }) =>
    withRuntime(async (runtime) => {
      const deps = await officeAdmin(runtime, opts.office, opts.as);
      const report = await importJrwa(deps, {
        name: opts.name,
        adoptedOn: opts.adoptedOn,
        text: await fs.readFile(file, 'utf8'),
      });
      console.log(
        `Zaimportowano ${report.classCount} klas (${report.finalClassCount} końcowych), format ${report.format}.`,
      );
      console.log(`Wady / defects: ${report.defects.length}`);
      for (const d of report.defects)
        console.log(`  wiersz ${d.lineNo}\t${d.symbol ?? '-'}\t${d.code}\t${d.messagePl}`);
    }),
  );

const user = program.command('user').description('Użytkownicy / users');
user
  .command('add')
  .description('Dodaje użytkownika / adds a user')
  .requiredOption('--office <code>')
  .requiredOption('--login <login>')
  .requiredOption('--name <name>')
  .requiredOption('--unit <symbol>', 'symbol komórki')
  .option('--post <post>', 'stanowisko')
  .option('--password <password>', 'hasło (min. 12 znaków)')
  .addOption(new Option('--kind <kind>').choices(['person', 'system']).default('person'))
  .option(
    '--role <role:scope...>',
    `rola:zakres, np. prowadzacy:desk (role: ${roleNames.join(', ')}; zakresy: ${scopes.join(', ')})`,
    [],
  )
  .action(
    (opts: {
      office: string;
      login: string;
      name: string;
      unit: string;
      post?: string;
      password?: string;
      kind: 'person' | 'system';
      role: string[];
    }) =>
      withRuntime(async (runtime) => {
        const deps = await officeAdmin(runtime, opts.office);
        const unit = await runtime.db
          .selectFrom('units')
          .select('id')
          .where('office_id', '=', deps.actor.officeId)
          .where('symbol', '=', opts.unit)
          .executeTakeFirst();
        if (!unit) throw new Error(`Nie ma komórki ${opts.unit} / no unit ${opts.unit}`);
        const roles = opts.role.map((spec) => {
          const [role, scope] = spec.split(':');
          return {
            role: role as (typeof roleNames)[number],
            scope: (scope ?? 'unit') as (typeof scopes)[number],
          };
        });
        const created = await createUser(deps, {
          login: opts.login,
          name: opts.name,
          unitId: unit.id,
          kind: opts.kind,
          roles,
          ...(opts.post ? { post: opts.post } : {}),
          ...(opts.password ? { password: opts.password } : {}),
        });
        console.log(`Dodano użytkownika ${created.login} (${created.id})`);
      }),
  );

program
  .command('verify')
  .description('Sprawdza łańcuchy skrótów metryk spraw / verifies case record hash chains')
  .option('--office <code>')
  .action((opts: { office?: string }) =>
    withRuntime(async (runtime) => {
      const officeId = opts.office
        ? (
            await runtime.db
              .selectFrom('offices')
              .select('id')
              .where('code', '=', opts.office)
              .executeTakeFirstOrThrow()
          ).id
        : undefined;
      const report = await verifyRecordChains(runtime.db, officeId);
      console.log(`Sprawdzono ${report.casesChecked} spraw, ${report.rowsChecked} wierszy metryk.`);
      for (const b of report.broken) {
        console.log(
          `NARUSZONY ŁAŃCUCH / BROKEN: sprawa ${b.sign}, wiersz ${b.seq}${b.rowId ? ` (id ${b.rowId})` : ''}: ${b.reason}`,
        );
      }
      if (report.broken.length > 0) process.exitCode = 1;
      else console.log('Wszystkie metryki nienaruszone / all records intact.');
    }),
  );

program
  .command('openapi')
  .description('Zapisuje lub sprawdza dokument OpenAPI / writes or checks the OpenAPI document')
  .option('--write <file>')
  .option('--check <file>')
  .action(async (opts: { write?: string; check?: string }) => {
    const { createApp } = await import('../app.ts');
    const pino = (await import('pino')).default;
    const app = createApp(
      {
        db: undefined as never,
        clock: undefined as never,
        files: undefined as never,
        logger: pino({ level: 'silent' }),
        sessionHours: 1,
      },
      { maxBodyBytes: 1 },
    );
    const text = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
    if (opts.write) await fs.writeFile(opts.write, text);
    if (opts.check) {
      const committed = await fs.readFile(opts.check, 'utf8').catch(() => '');
      if (committed !== text) {
        console.error(
          `${opts.check} jest nieaktualny: uruchom "npm run openapi" / is stale: run "npm run openapi"`,
        );
        process.exitCode = 1;
        return;
      }
      console.log(`${opts.check} aktualny / up to date`);
    }
    if (!opts.write && !opts.check) process.stdout.write(text);
  });

registerChannelCommands(program, { withRuntime, officeAdmin });
registerArchiveCommands(program, { withRuntime, officeAdmin });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof AppError)
    console.error(`${error.code}: ${error.messagePl} / ${error.message}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
