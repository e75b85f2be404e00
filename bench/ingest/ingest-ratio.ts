import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.ts';
import { localYear, systemClock } from '../../src/platform/clock.ts';
import type { Actor } from '../../src/platform/actor/actor.ts';
import {
  registerIncoming,
  registerIncomingBatch,
} from '../../src/modules/incoming/incoming.usecases.ts';
import { createRandom } from '../generator/random.ts';
import { sender, type Sender } from '../generator/polish-data.ts';

/**
 * What registering a letter costs compared with the bare minimum the database must do.
 *
 * - use case: `registerIncoming` (validation, policy, gapless RPW number, the item, the audit
 *   event), one transaction per letter — what `POST /incoming` runs.
 * - raw: the same three statements as hand-written SQL with the same values (counter upsert,
 *   item row, audit row: same row count and sizes), one transaction per letter, on the same
 *   connection type. Their ratio is the price of our code over PostgreSQL itself.
 * - bulk: the use case with several calls in flight, the bulk use case `registerIncomingBatch`
 *   (what `POST /incoming/batch` runs) with 500 letters per transaction, and raw multi-row inserts
 *   of the same 500 letters per transaction (the ceiling the bulk path can approach).
 */
export interface IngestResult {
  letters: number;
  useCase: Rate;
  raw: Rate;
  /** How many times slower the use case is than the raw insert (mean per letter). */
  ratio: number;
  useCaseConcurrent: Rate & { concurrency: number };
  useCaseBatched: Rate & { batch: number };
  rawBatched: Rate & { batch: number };
}

export interface Rate {
  perSecond: number;
  meanMs: number;
  p95Ms: number;
}

interface Letter {
  title: string;
  sender: Sender;
  receivedAt: string;
}

const TITLES = [
  'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
  'Informacja o nieruchomościach i obiektach budowlanych (IN-1)',
  'Zgłoszenie pobytu stałego',
  'Wniosek o wydanie decyzji o warunkach zabudowy',
];

export async function measureIngest(
  deps: { db: Db; actor: Actor },
  options: { letters: number; concurrency: number },
): Promise<IngestResult> {
  const random = createRandom(31337);
  const letter = (): Letter => ({
    title: random.pick(TITLES),
    sender: sender(random),
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  const useCaseDeps = { db: deps.db, clock: systemClock, actor: deps.actor };
  const viaUseCase = (l: Letter) =>
    registerIncoming(useCaseDeps, {
      title: l.title,
      sender: l.sender,
      receivedAt: l.receivedAt,
      channel: 'paper',
    });
  const viaRaw = (l: Letter) => rawRegister(deps.db, deps.actor, [l]);

  // Warm both paths up (query plans, JIT) before measuring.
  for (let i = 0; i < 20; i++) {
    await viaUseCase(letter());
    await viaRaw(letter());
  }
  // Alternately, letter by letter, so that both paths see the same table sizes and machine state.
  const { first: useCase, second: raw } = await timeAlternately(
    options.letters,
    () => viaUseCase(letter()),
    () => viaRaw(letter()),
  );
  const useCaseConcurrent = await timeConcurrent(options.letters, options.concurrency, () =>
    viaUseCase(letter()),
  );
  const batch = 500;
  const batches = Math.max(1, Math.round(options.letters / batch));
  const timeBatches = async (register: (letters: Letter[]) => Promise<unknown>) => {
    const started = performance.now();
    for (let b = 0; b < batches; b++) await register(Array.from({ length: batch }, letter));
    const seconds = (performance.now() - started) / 1000;
    return {
      perSecond: (batches * batch) / seconds,
      meanMs: (seconds * 1000) / (batches * batch),
      p95Ms: 0,
      batch,
    };
  };
  const useCaseBatched = await timeBatches((letters) =>
    registerIncomingBatch(
      useCaseDeps,
      letters.map((l) => ({
        title: l.title,
        sender: l.sender,
        receivedAt: l.receivedAt,
        channel: 'paper',
      })),
    ),
  );
  const rawBatched = await timeBatches((letters) => rawRegister(deps.db, deps.actor, letters));
  return {
    letters: options.letters,
    useCase,
    raw,
    ratio: useCase.meanMs / raw.meanMs,
    useCaseConcurrent: { ...useCaseConcurrent, concurrency: options.concurrency },
    useCaseBatched,
    rawBatched,
  };
}

/**
 * The rows `registerIncoming` writes, as plain SQL in one transaction: the RPW counter, the item
 * and its audit event, with the same values (description, payload) the use case produces.
 */
async function rawRegister(db: Db, actor: Actor, letters: Letter[]) {
  const now = new Date();
  const year = localYear(now);
  await db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      const counter = await sql<{ value: number }>`
        insert into counters (office_id, name, scope, year, value)
        values (${actor.officeId}, 'rpw', '', ${year}, ${letters.length})
        on conflict (office_id, name, scope, year) do update set value = counters.value + ${letters.length}
        returning value`.execute(conn);
      const last = Number(counter.rows[0]!.value);
      const items = letters.map((l, i) => {
        const number = last - letters.length + 1 + i;
        return { ...l, number, sign: `RPW/${number}/${year}` };
      });
      const inserted = await sql<{ id: string; rpw_sign: string }>`
        insert into incoming_items (office_id, rpw_year, rpw_number, rpw_sign, title, sender_name,
          sender_address, letter_date, received_at, registered_at, registered_by, channel, access, dcmi_type)
        values ${sql.join(
          items.map(
            (l) =>
              sql`(${actor.officeId}, ${year}, ${l.number}, ${l.sign}, ${l.title}, ${l.sender.name},
                ${JSON.stringify(l.sender.address)}, 'brak danych', ${l.receivedAt}, ${now}, ${actor.userId},
                'paper', 'public', 'Text')`,
          ),
        )}
        returning id, rpw_sign`.execute(conn);
      await sql`
        insert into audit_events (office_id, at, actor_id, action, subject_type, subject_id, case_id, description, payload)
        values ${sql.join(
          inserted.rows.map(
            (row, i) =>
              sql`(${actor.officeId}, ${now}, ${actor.userId}, 'incoming.registered', 'incoming', ${row.id}, null,
                ${`Zarejestrowano przesyłkę ${row.rpw_sign} (papierowa) od ${items[i]!.sender.name}`},
                ${JSON.stringify({ channel: 'paper', documentId: row.rpw_sign })})`,
          ),
        )}`.execute(conn);
      await sql`commit`.execute(conn);
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

async function timeAlternately(
  count: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<{ first: Rate; second: Rate }> {
  const times = { first: [] as number[], second: [] as number[] };
  for (let i = 0; i < count; i++) {
    // Which path goes first alternates too (the one after may find a warmer cache).
    const order = i % 2 === 0 ? (['first', 'second'] as const) : (['second', 'first'] as const);
    for (const which of order) {
      const t = performance.now();
      await (which === 'first' ? first() : second());
      times[which].push(performance.now() - t);
    }
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0) / 1000;
  return {
    first: rate(times.first, sum(times.first)),
    second: rate(times.second, sum(times.second)),
  };
}

async function timeConcurrent(
  count: number,
  concurrency: number,
  work: () => Promise<unknown>,
): Promise<Rate> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next++ < count) {
      const t = performance.now();
      await work();
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return rate(times, (performance.now() - started) / 1000);
}

function rate(times: number[], seconds: number): Rate {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    perSecond: times.length / seconds,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0,
  };
}
