import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadSettings } from '../config.ts';
import { localDate } from '../platform/clock.ts';
import type { Runtime } from '../runtime.ts';
import { loadActor } from '../modules/org/actor-loader.ts';
import { getIncoming } from '../modules/incoming/incoming.usecases.ts';
import type { ActorDeps } from '../platform/record/transaction.ts';
import { channelNames, type ChannelName } from '../modules/channels/channel-client.ts';
import { addMailbox } from '../modules/channels/channels.usecases.ts';
import { createGatewayDeps, pollChannels } from '../modules/channels/channels.worker.ts';
import { ensureGatewayUser } from '../modules/channels/gateway-user.ts';
import { importSavedMessage } from '../modules/channels/import.usecases.ts';
import type { FileSignatures } from '../modules/channels/signature-check.ts';
import { startChannelSimulator } from '../modules/channels/simulator/channel-simulator.ts';

/** What the command line gives the channel commands (defined in src/cli/main.ts). */
export interface CliHelpers {
  withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T>;
  officeAdmin(runtime: Runtime, officeCode: string, login?: string): Promise<ActorDeps>;
}

/** `obieg channel …`: import saved messages, run the gateway, run the simulator, add a mailbox. */
export function registerChannelCommands(program: Command, cli: CliHelpers) {
  const channel = program
    .command('channel')
    .description('Kanały krajowe ePUAP i e-Doręczenia / national channels gateway');

  channel
    .command('import <file> [proof]')
    .description(
      'Rejestruje zapisane pismo ePUAP (XML) w RPW; UPP z drugiego pliku albo <plik>.upp.xml obok / registers a saved ePUAP letter',
    )
    .requiredOption('--office <code>')
    .option('--received-at <iso>', 'data wpływu, gdy nie ma UPP (ISO 8601 ze strefą)')
    .option('--as <login>', 'administrator, w którego imieniu konfigurowane jest konto bramki')
    .action(
      (
        file: string,
        proof: string | undefined,
        opts: { office: string; receivedAt?: string; as?: string },
      ) =>
        cli.withRuntime(async (runtime) => {
          const admin = await cli.officeAdmin(runtime, opts.office, opts.as);
          const gatewayUserId = await ensureGatewayUser(admin);
          const actor = await loadActor(runtime.db, gatewayUserId, localDate(runtime.clock.now()));
          const deps = {
            db: runtime.db,
            clock: runtime.clock,
            files: runtime.files,
            actor: actor!,
          };
          const receivedAt = opts.receivedAt ? new Date(opts.receivedAt) : undefined;
          if (receivedAt && Number.isNaN(receivedAt.getTime())) {
            throw new Error(
              `Nieprawidłowa data wpływu / invalid --received-at: ${opts.receivedAt}`,
            );
          }
          const proofPath = proof ?? (await siblingUpp(file));
          const result = await importSavedMessage(deps, {
            document: { name: path.basename(file), content: await fs.readFile(file) },
            proof: proofPath
              ? { name: path.basename(proofPath), content: await fs.readFile(proofPath) }
              : undefined,
            receivedAt,
          });
          const item = await getIncoming(deps, result.incomingId);
          console.log(
            result.alreadyRegistered
              ? `Ten dokument już zarejestrowano: ${item.rpwNumber} – nic nowego nie zarejestrowano / already registered, nothing new`
              : `Zarejestrowano / registered: ${item.rpwNumber}`,
          );
          console.log(
            `  Wpływ / received: ${item.receivedAt}${proofPath ? ` (UPP: ${proofPath})` : ' (podana ręcznie)'}`,
          );
          const a = item.sender.address;
          console.log(
            `  Nadawca / sender: ${item.sender.name}, ${[a.street, [a.postalCode, a.town].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ')}`,
          );
          console.log(`  Tytuł / title: ${item.title}`);
          console.log(
            `  Pliki / files: ${item.files.map((f) => `${f.name} (${f.contentType}, ${f.sizeBytes} B)`).join('; ')}`,
          );
          printSignatureReport(result.signatures);
        }),
    );

  channel
    .command('poll')
    .description(
      'Uruchamia bramkę bez serwera HTTP / runs the channels gateway without the HTTP server',
    )
    .option(
      '--until-idle',
      'kończy, gdy nie ma już nic do zrobienia / stop when there is nothing left to do',
    )
    .option('--interval-ms <ms>', 'przerwa między przebiegami bez pracy', (v) => Number(v))
    .action(async (opts: { untilIdle?: boolean; intervalMs?: number }) => {
      const settings = loadSettings();
      const { openRuntime } = await import('../runtime.ts');
      const runtime = await openRuntime(settings);
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        const deps = createGatewayDeps(runtime, settings, abort.signal);
        if (Object.keys(deps.clients).length === 0) {
          throw new Error(
            'Nie skonfigurowano kanału: ustaw OBIEG_EPUAP_URL lub OBIEG_EDORECZENIA_URL / no channel configured',
          );
        }
        const totals = await pollChannels(deps, {
          intervalMs: opts.intervalMs ?? Math.max(100, settings.OBIEG_CHANNEL_INTERVAL_S * 1000),
          untilIdle: opts.untilIdle ?? false,
          signal: abort.signal,
        });
        console.log(
          `Bramka / gateway: wylistowano ${totals.listed}, pobrano ${totals.downloaded}, zarejestrowano ${totals.registered}, wysłano ${totals.sent}, doręczono ${totals.delivered}`,
        );
      } finally {
        await runtime.close();
      }
    });

  channel
    .command('simulator')
    .description('Symulator usług ePUAP i e-Doręczeń (HTTP na 127.0.0.1) / channel simulator')
    .option('--port <n>', 'port', (v) => Number(v), 4010)
    .option('--epuap-mailbox <address>', 'skrytka urzędu', '/um-demo/SkrytkaESP')
    .option('--edoreczenia-mailbox <ade>', 'adres do doręczeń urzędu', 'AE:PL-00000-00000-DEMOU-01')
    .option('--messages <n>', 'ile wiadomości włożyć do każdej skrzynki', (v) => Number(v), 10)
    .option('--sign', 'podpisuj pisma i poświadczenia (testowe PKI symulatora)')
    .option('--throttle <rate>', 'udział odpowiedzi 429', (v) => Number(v), 0)
    .option('--unavailable <rate>', 'udział odpowiedzi 503', (v) => Number(v), 0)
    .option('--duplicates <rate>', 'udział stron listy z duplikatami', (v) => Number(v), 0)
    .option('--latency <min-max>', 'opóźnienie odpowiedzi w ms, np. 5-50', '0-0')
    .option(
      '--quota <n>',
      'limit zapytań na sekundę na skrzynkę (0 = bez limitu)',
      (v) => Number(v),
      0,
    )
    .action(
      async (opts: {
        port: number;
        epuapMailbox: string;
        edoreczeniaMailbox: string;
        messages: number;
        sign?: boolean;
        throttle: number;
        unavailable: number;
        duplicates: number;
        latency: string;
        quota: number;
      }) => {
        const [lo, hi] = opts.latency.split('-').map(Number);
        const simulator = await startChannelSimulator({
          port: opts.port,
          faults: {
            latencyMs: [lo ?? 0, hi ?? lo ?? 0],
            throttleRate: opts.throttle,
            unavailableRate: opts.unavailable,
            duplicateRate: opts.duplicates,
            quotaPerSecond: opts.quota,
          },
        });
        simulator.addMessages('epuap', opts.epuapMailbox, opts.messages, {
          sign: opts.sign ?? false,
        });
        simulator.addMessages('edoreczenia', opts.edoreczeniaMailbox, opts.messages, {
          sign: opts.sign ?? false,
        });
        console.log(`Symulator kanałów / channel simulator: ${simulator.url}`);
        console.log(`  OBIEG_EPUAP_URL=${simulator.epuapUrl}   skrytka: ${opts.epuapMailbox}`);
        console.log(
          `  OBIEG_EDORECZENIA_URL=${simulator.edoreczeniaUrl}   ADE: ${opts.edoreczeniaMailbox}`,
        );
        console.log(
          `  Sterowanie / control: GET ${simulator.url}/_sim/stats, POST /_sim/messages, POST /_sim/collect`,
        );
        const stop = () => void simulator.close().then(() => process.exit(0));
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      },
    );

  const mailbox = channel.command('mailbox').description('Skrzynki urzędu / office mailboxes');
  mailbox
    .command('add')
    .description('Konfiguruje skrzynkę ePUAP lub e-Doręczeń / configures an office mailbox')
    .requiredOption('--office <code>')
    .requiredOption('--channel <channel>', channelNames.join(' | '))
    .requiredOption('--address <address>', 'skrytka ePUAP albo ADE')
    .option('--name <name>', 'nazwa skrzynki', 'Skrzynka urzędu')
    .option('--rps <n>', 'limit zapytań na sekundę', (v) => Number(v))
    .action(
      (opts: {
        office: string;
        channel: ChannelName;
        address: string;
        name: string;
        rps?: number;
      }) =>
        cli.withRuntime(async (runtime) => {
          const admin = await cli.officeAdmin(runtime, opts.office);
          const created = await addMailbox(admin, {
            channel: opts.channel,
            address: opts.address,
            name: opts.name,
            ...(opts.rps ? { requestsPerSecond: opts.rps } : {}),
          });
          console.log(
            `Dodano skrzynkę / mailbox added: ${created.channel} ${created.address} (${created.id})`,
          );
        }),
    );
}

async function siblingUpp(file: string): Promise<string | undefined> {
  const candidate = file.replace(/\.xml$/i, '') + '.upp.xml';
  return (await fs
    .stat(candidate)
    .then((s) => s.isFile())
    .catch(() => false))
    ? candidate
    : undefined;
}

function printSignatureReport(checks: FileSignatures[]) {
  console.log('Raport weryfikacji podpisów / signature report:');
  if (checks.length === 0) console.log('  brak podpisów elektronicznych / no signatures');
  for (const check of checks) {
    for (const r of check.reports) {
      console.log(
        `  ${check.file}: ${r.valid ? 'WAŻNY / valid' : 'NIEWAŻNY / invalid'} (${r.format}, integralność: ${r.integrity})`,
      );
      console.log(
        `    podpisujący / signer: ${r.signer?.subject ?? 'brak danych'}; wystawca / issuer: ${r.signer?.issuer ?? 'brak danych'}`,
      );
      console.log(
        `    czas podpisu / signing time: ${r.signingTime ?? 'brak danych'}; łańcuch / chain: ${r.certificate?.chain ?? 'brak danych'}; certyfikat ważny w chwili podpisu: ${r.certificate?.validAtSigningTime ? 'tak' : 'nie'}`,
      );
      for (const p of r.problems)
        console.log(`    ${p.severity === 'error' ? 'BŁĄD' : 'uwaga'}: ${p.messagePl} (${p.code})`);
    }
  }
}
