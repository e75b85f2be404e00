import type { Db } from '../../src/platform/db/database.ts';
import { AppError } from '../../src/platform/errors.ts';
import type { FileStore } from '../../src/platform/files/file-store.ts';
import { localDate } from '../../src/platform/clock.ts';
import type { Actor } from '../../src/platform/actor/actor.ts';
import {
  attachIncomingFile,
  registerIncoming,
} from '../../src/modules/incoming/incoming.usecases.ts';
import {
  acceptAssignment,
  assignIncoming,
  forwardAssignment,
} from '../../src/modules/assignments/assignments.usecases.ts';
import { joinIncomingToCase, openCase } from '../../src/modules/cases/cases.usecases.ts';
import { closeCase, issueDecision } from '../../src/modules/case-closing/case-closing.usecases.ts';
import { setCaseDeadline } from '../../src/modules/case-deadlines/case-deadlines.usecases.ts';
import {
  addDocument,
  addDocumentVersion,
  cancelDraft,
} from '../../src/modules/documents/documents.usecases.ts';
import { decideApproval, sendForApproval } from '../../src/modules/approvals/approvals.usecases.ts';
import {
  markSent,
  recordDelivery,
  registerOutgoing,
} from '../../src/modules/dispatch/dispatch.usecases.ts';
import type { CaseUnit, JrwaMix } from './jrwa-mix.ts';
import { UNIT_LETTER_WEIGHTS } from './jrwa-mix.ts';
import type { FilePool } from './file-pool.ts';
import type { Random } from './random.ts';
import {
  channelWeights,
  channels,
  noteTitles,
  replyTitles,
  sender,
  type Sender,
} from './polish-data.ts';
import { days, hours, officeMoment, type Simulation } from './simulation.ts';
import { officePrefix, type SeededOffice } from './bench-office.ts';

/** What the generator has made so far (printed as progress and stored in the results). */
export interface GeneratedCounts {
  incoming: number;
  cases: number;
  outgoing: number;
  files: number;
  documents: number;
  closed: number;
}

export interface LifeContext {
  db: Db;
  files: FileStore;
  sim: Simulation;
  jrwa: JrwaMix;
  pool: FilePool;
  /** Steps later than this (the end of the simulated period) are not taken: work in progress. */
  end: number;
  counts: GeneratedCounts;
}

/** The actors of one office, loaded once. */
export interface OfficeActors {
  office: SeededOffice;
  kancelaria: Actor[];
  head: Map<CaseUnit, Actor>;
  secretariat: Map<CaseUnit, Actor>;
  handlers: Map<CaseUnit, Actor[]>;
  director: Actor;
  /** Open cases per handler, for letters that join a case already open. */
  openCases: Map<string, string[]>;
}

export async function loadOfficeActors(office: SeededOffice): Promise<OfficeActors> {
  const p = officePrefix(office.index);
  const byRole = async (role: string) =>
    Promise.all(office.users.filter((u) => u.role === role).map((u) => office.actor(u.login)));
  const units = [
    ...new Set(office.users.filter((u) => u.role === 'kierownik').map((u) => u.unit)),
  ] as CaseUnit[];
  const head = new Map<CaseUnit, Actor>();
  const secretariat = new Map<CaseUnit, Actor>();
  const handlers = new Map<CaseUnit, Actor[]>();
  for (const unit of units) {
    const symbol = unit.toLowerCase();
    head.set(unit, await office.actor(`${p}kierownik.${symbol}`));
    const sec = office.users.find((u) => u.login === `${p}sekretariat.${symbol}`);
    if (sec) secretariat.set(unit, await office.actor(sec.login));
    handlers.set(
      unit,
      await Promise.all(
        office.users
          .filter((u) => u.role === 'pracownik' && u.unit === unit)
          .map((u) => office.actor(u.login)),
      ),
    );
  }
  return {
    office,
    kancelaria: await byRole('kancelaria'),
    head,
    secretariat,
    handlers,
    director: await office.actor(`${p}dyrektor1`),
    openCases: new Map(),
  };
}

const UNITS = Object.keys(UNIT_LETTER_WEIGHTS) as CaseUnit[];
const UNIT_WEIGHTS = UNITS.map((u) => UNIT_LETTER_WEIGHTS[u]);
const minutes = (n: number) => n * 60_000;

/**
 * One incoming letter from arrival to the closed case, through the same use cases the API calls:
 * registration with scans, dekretacja to the unit and on to a handler, acceptance, a new case (or
 * joining an open one, or just "for information"), deadline, notes, replies through approval,
 * the decision register, dispatch and delivery, and closing.
 */
export async function letterLife(
  ctx: LifeContext,
  actors: OfficeActors,
  random: Random,
  arrival: number,
) {
  const { sim, counts } = ctx;
  const as = (actor: Actor, at: Date) => ({
    db: ctx.db,
    files: ctx.files,
    actor,
    clock: { now: () => at },
  });
  let t = officeMoment(arrival + minutes(random.int(5, 120)));
  if (t > ctx.end) return;
  const unit = UNITS[random.weighted(UNIT_WEIGHTS)]!;
  const matter = ctx.jrwa.draw(random, unit);
  const from = sender(random);
  const channel = channels[random.weighted(channelWeights)]!;
  const kancelaria = random.pick(actors.kancelaria);
  const item = await sim.step(t, (at) =>
    registerIncoming(as(kancelaria, at), {
      title: matter.title,
      sender: from,
      receivedAt: new Date(Math.min(arrival, at.getTime())).toISOString(),
      letterDate: localDate(new Date(arrival - days(random.int(1, 10)))),
      channel,
      ...(channel === 'paper'
        ? { deliveryMethod: random.pick(['list zwykły', 'list polecony', 'osobiście']) }
        : {}),
      attachmentsCount: random.int(0, 4),
    }),
  );
  counts.incoming += 1;
  const scans = 1 + random.geometric(3);
  for (let i = 0; i < scans; i++) {
    t += minutes(random.int(1, 3));
    await sim.step(t, (at) =>
      attachIncomingFile(as(kancelaria, at), item.id, ctx.pool.scan(random)),
    );
    counts.files += 1;
  }
  t += minutes(random.int(5, 60));
  const toUnit = await sim.step(t, (at) =>
    assignIncoming(as(kancelaria, at), item.id, { unitId: actors.office.units[unit] }),
  );
  const receiver =
    actors.secretariat.has(unit) && random.chance(0.3)
      ? actors.secretariat.get(unit)!
      : actors.head.get(unit)!;
  t = officeMoment(t + hours(random.int(1, 20)));
  if (t > ctx.end) return;
  const roll = random.next();
  if (roll < 0.08) {
    // "Do wiadomości": the unit takes note, no case.
    await sim.step(t, (at) => acceptAssignment(as(receiver, at), toUnit.id));
    return;
  }
  const handler = random.pick(actors.handlers.get(unit)!);
  const toHandler = await sim.step(t, (at) =>
    forwardAssignment(as(receiver, at), toUnit.id, {
      userId: handler.userId,
      method: 'do załatwienia',
      deadline: localDate(new Date(at.getTime() + days(30))),
    }),
  );
  t = officeMoment(t + hours(random.int(1, 24)));
  if (t > ctx.end) return;
  await sim.step(t, (at) => acceptAssignment(as(handler, at), toHandler.id));
  const open = actors.openCases.get(handler.userId) ?? [];
  t = officeMoment(t + hours(random.int(1, 30)));
  if (t > ctx.end) return;
  if (roll < 0.16 && open.length > 0) {
    // A further letter in a matter already open: joined to that case.
    const caseId = random.pick(open);
    const joined = await sim
      .step(t, (at) => joinIncomingToCase(as(handler, at), caseId, item.id))
      .then(
        () => true,
        // The case was closed meanwhile (its closing step ran first): open a new one instead.
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'case.closed') return false;
          throw error;
        },
      );
    if (joined) return;
  }
  const kase = await sim.step(t, (at) =>
    openCase(as(handler, at), {
      unitId: actors.office.units[unit],
      jrwaSymbol: matter.symbol,
      title: `${matter.title} – ${from.name}`.slice(0, 500),
      incomingId: item.id,
    }),
  );
  counts.cases += 1;
  const kind = random.pick([
    'one_month',
    'one_month',
    'one_month',
    'immediate',
    'two_months',
  ] as const);
  t += minutes(random.int(1, 10));
  await sim.step(t, (at) => setCaseDeadline(as(handler, at), kase.id, { kind }));
  await caseWork(ctx, actors, random, { caseId: kase.id, unit, handler, addressee: from, t });
}

/** A case opened by the office itself (z urzędu), without an initiating letter. */
export async function exOfficioLife(
  ctx: LifeContext,
  actors: OfficeActors,
  random: Random,
  start: number,
) {
  const unit = UNITS[random.weighted(UNIT_WEIGHTS)]!;
  const handler = random.pick(actors.handlers.get(unit)!);
  const matter = ctx.jrwa.draw(random, unit);
  const t = officeMoment(start);
  if (t > ctx.end) return;
  const kase = await ctx.sim.step(t, (at) =>
    openCase(
      { db: ctx.db, clock: { now: () => at }, actor: handler },
      {
        unitId: actors.office.units[unit],
        jrwaSymbol: matter.symbol,
        title: `Z urzędu: ${matter.title}`.slice(0, 500),
      },
    ),
  );
  ctx.counts.cases += 1;
  await caseWork(ctx, actors, random, {
    caseId: kase.id,
    unit,
    handler,
    addressee: sender(random),
    t,
  });
}

async function caseWork(
  ctx: LifeContext,
  actors: OfficeActors,
  random: Random,
  work: { caseId: string; unit: CaseUnit; handler: Actor; addressee: Sender; t: number },
) {
  const { sim, counts } = ctx;
  const { caseId, handler } = work;
  const as = (actor: Actor, at: Date) => ({
    db: ctx.db,
    files: ctx.files,
    actor,
    clock: { now: () => at },
  });
  const open = actors.openCases.get(handler.userId) ?? [];
  actors.openCases.set(handler.userId, open);
  open.push(caseId);
  if (open.length > 40) open.shift();
  const forget = () => {
    const index = open.indexOf(caseId);
    if (index >= 0) open.splice(index, 1);
  };
  let t = work.t;
  const later = (min: number, max: number) => (t = officeMoment(t + hours(random.int(min, max))));

  const notes = random.geometric(2.5);
  const internal: string[] = [];
  for (let i = 0; i < notes; i++) {
    if (later(1, 72) > ctx.end) return;
    const note = random.chance(0.6);
    const added = await sim.step(t, (at) =>
      addDocument(
        as(handler, at),
        caseId,
        { kind: note ? 'note' : 'attachment', title: random.pick(noteTitles) },
        note ? ctx.pool.note(random) : ctx.pool.scan(random),
      ),
    );
    internal.push(added.id);
    counts.documents += 1;
    counts.files += 1;
  }
  const replies = random.weighted([75, 20, 5]) + 1;
  for (let r = 0; r < replies; r++) {
    if (later(2, 96) > ctx.end) return;
    const decision = random.chance(0.25);
    const document = await sim.step(t, (at) =>
      addDocument(
        as(handler, at),
        caseId,
        { kind: decision ? 'decision' : 'letter', title: random.pick(replyTitles) },
        ctx.pool.letter(random),
      ),
    );
    counts.documents += 1;
    counts.files += 1;
    if (random.chance(0.5)) {
      t += minutes(random.int(10, 120));
      await sim.step(t, (at) =>
        addDocumentVersion(as(handler, at), document.id, ctx.pool.letter(random), 'poprawki'),
      );
      counts.files += 1;
    }
    const approvers = decision
      ? [actors.head.get(work.unit)!, actors.director]
      : [actors.head.get(work.unit)!];
    let approved = false;
    for (let round = 0; !approved && round < 2; round++) {
      t += minutes(random.int(5, 60));
      const { roundId } = await sim.step(t, (at) =>
        sendForApproval(as(handler, at), document.id, {}),
      );
      let returned = false;
      for (const approver of approvers) {
        if (later(1, 30) > ctx.end) return;
        returned = round === 0 && random.chance(0.1);
        await sim.step(t, async (at) => {
          const task = await ctx.db
            .selectFrom('approval_tasks')
            .select('id')
            .where('round_id', '=', roundId)
            .where('approver_id', '=', approver.userId)
            .where('status', '=', 'current')
            .executeTakeFirstOrThrow();
          return decideApproval(
            as(approver, at),
            task.id,
            returned
              ? { decision: 'return', comment: 'Proszę poprawić uzasadnienie.' }
              : { decision: 'approve' },
          );
        });
        if (returned) break;
      }
      if (returned) {
        if (later(1, 24) > ctx.end) return;
        await sim.step(t, (at) =>
          addDocumentVersion(as(handler, at), document.id, ctx.pool.letter(random), 'po zwrocie'),
        );
        counts.files += 1;
      } else approved = true;
    }
    if (decision) {
      t += minutes(random.int(5, 30));
      await sim.step(t, (at) => issueDecision(as(handler, at), document.id));
    }
    if (later(1, 24) > ctx.end) return;
    const method = decision
      ? 'post_return_receipt'
      : (['post', 'post_return_receipt', 'personal'] as const)[random.weighted([60, 30, 10])]!;
    const outgoing = await sim.step(t, (at) =>
      registerOutgoing(as(handler, at), {
        documentId: document.id,
        addressee: work.addressee,
        method,
        ...(method === 'personal'
          ? {}
          : {
              postalClass: random.pick(['economy', 'priority'] as const),
              costGrosz: random.int(550, 1290),
            }),
      }),
    );
    counts.outgoing += 1;
    const kancelaria = random.pick(actors.kancelaria);
    if (later(2, 24) > ctx.end) return;
    await sim.step(t, (at) => markSent(as(kancelaria, at), outgoing.id));
    if (method !== 'post') {
      t = officeMoment(t + days(random.int(2, 12)));
      if (t > ctx.end) return;
      await sim.step(t, (at) =>
        recordDelivery(
          as(kancelaria, at),
          outgoing.id,
          { kind: method === 'personal' ? 'personal' : 'receipt', deliveredOn: localDate(at) },
          method === 'personal'
            ? undefined
            : { name: 'zwrotka.jpg', content: ctx.pool.scan(random).content },
        ),
      );
      if (method !== 'personal') counts.files += 1;
    }
  }
  if (!random.chance(0.95)) return;
  t = officeMoment(t + days(random.int(1, 10)));
  if (t > ctx.end) return;
  // Notes and internal attachments stay drafts and would block closing; they are never sent, so
  // the handler withdraws them ("nie do wysyłki") just before closing the case.
  for (const documentId of internal) {
    await sim.step(t, (at) =>
      cancelDraft(as(handler, at), documentId, 'dokument wewnętrzny – nie do wysyłki'),
    );
  }
  await sim.step(t, (at) => closeCase(as(handler, at), caseId));
  counts.closed += 1;
  forget();
}
