import type { BenchRole } from '../generator/bench-office.ts';
import type { CaseUnit } from '../generator/jrwa-mix.ts';
import { unique } from '../generator/file-pool.ts';
import {
  channelWeights,
  channels,
  noteTitles,
  replyTitles,
  sender,
} from '../generator/polish-data.ts';
import type { VirtualUser } from './virtual-user.ts';

/**
 * Our port of EZD RP's office load profile: what each role does in one round, with think time
 * between actions. A screen that the web application fills from several endpoints (the desk, a
 * case) is requested the way the browser does it: in parallel.
 */
interface PendingAssignment {
  id: string;
  unitId: string | null;
  userId: string | null;
  incomingId: string;
  item: { caseId: string | null };
}
interface ApprovalTask {
  id: string;
  documentId: string;
}
interface DocumentView {
  id: string;
  kind: string;
  status: string;
  currentVersion: number;
}
interface CaseSummary {
  id: string;
  unitId: string;
  status: string;
}

export const ROUNDS: Record<BenchRole, (vu: VirtualUser) => Promise<void>> = {
  kancelaria: kancelariaRound,
  sekretariat: sekretariatRound,
  kierownik: kierownikRound,
  pracownik: pracownikRound,
  dyrektor: dyrektorRound,
  administrator: administratorRound,
};

/** The desk every role polls: notifications and what waits for them. */
async function desk(vu: VirtualUser, extra: Array<Promise<unknown>> = []) {
  await Promise.all([vu.get('/notifications', '/notifications?unread=true'), ...extra]);
}

async function kancelariaRound(vu: VirtualUser) {
  await desk(vu);
  await vu.think();
  const units = vu.plan.workingUnits(vu.who.office);
  const letters = vu.random.int(1, 5);
  for (let i = 0; i < letters; i++) {
    const from = sender(vu.random);
    const unit = (
      units.length ? vu.random.pick(units) : vu.random.pick(['FN', 'GK', 'AB'])
    ) as CaseUnit;
    const matter = vu.jrwa.draw(vu.random, unit);
    const channel = channels[vu.random.weighted(channelWeights)]!;
    const item = await vu.post<{ id: string }>('/incoming', '/incoming', {
      title: matter.title,
      sender: from,
      receivedAt: new Date(Date.now() - 60_000 * vu.random.int(1, 120)).toISOString(),
      channel,
      attachmentsCount: vu.random.int(0, 3),
    });
    await vu.think(1, 3);
    await vu.api('POST /incoming/{id}/attachments', 'POST', `/incoming/${item.id}/attachments`, {
      form: { fields: {}, file: unique(vu.files.scan(vu.random)) },
    });
    await vu.think(1, 3);
    await vu.post('/incoming/{id}/assignments', `/incoming/${item.id}/assignments`, {
      unitId: vu.who.office.units.get(unit),
    });
    await vu.think();
  }
  const postal = await vu.get<Array<{ id: string }>>(
    '/outgoing/postal-list',
    '/outgoing/postal-list',
  );
  const clerks = vu.plan.vusOfRole(vu.who.office, 'kancelaria');
  let sent = 0;
  for (const item of postal) {
    if (sent >= 10) break;
    if (!vu.owns(item.id, clerks)) continue;
    await vu.think(0.5, 1.5);
    await vu.post('/outgoing/{id}/sent', `/outgoing/${item.id}/sent`);
    sent += 1;
  }
  await vu.think();
  await vu.get('/incoming', '/incoming?limit=50');
  await vu.think();
}

/** Letters assigned to the unit as a whole, that this VU (among the unit's receivers) handles. */
async function forwardUnitLetters(vu: VirtualUser, waiting: PendingAssignment[], max: number) {
  const unit = vu.who.user.unit;
  const receivers = vu.plan.unitReceivers(vu.who.office, unit);
  const handlers = vu.who.office.users.filter((u) => u.role === 'pracownik' && u.unit === unit);
  let done = 0;
  for (const assignment of waiting) {
    if (done >= max || assignment.userId || !vu.owns(assignment.id, receivers)) continue;
    await Promise.all([
      vu.get('/incoming/{id}', `/incoming/${assignment.incomingId}`),
      vu.get('/incoming/{id}/assignments', `/incoming/${assignment.incomingId}/assignments`),
    ]);
    await vu.think();
    const handler = vu.random.pick(handlers);
    await vu.post('/assignments/{id}/forward', `/assignments/${assignment.id}/forward`, {
      userId: vu.who.office.people.get(handler.login),
      method: 'do załatwienia',
      deadline: new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10),
    });
    await vu.think();
    done += 1;
  }
}

async function sekretariatRound(vu: VirtualUser) {
  let waiting: PendingAssignment[] = [];
  await desk(vu, [
    vu
      .get<PendingAssignment[]>('/assignments/mine', '/assignments/mine')
      .then((w) => (waiting = w)),
  ]);
  await vu.think();
  await forwardUnitLetters(vu, waiting, 3);
  await vu.get('/incoming', '/incoming?limit=50');
  await vu.think();
}

async function approveMine(vu: VirtualUser, tasks: ApprovalTask[], max: number) {
  const me = vu.plan.vusOfLogin(vu.who.office, vu.who.user.login);
  let done = 0;
  for (const task of tasks) {
    if (done >= max || !vu.owns(task.id, me)) continue;
    await Promise.all([
      vu.get('/documents/{id}', `/documents/${task.documentId}`),
      vu.get('/documents/{id}/approval', `/documents/${task.documentId}/approval`),
    ]);
    await vu.think();
    await vu.post('/approval-tasks/{id}/decision', `/approval-tasks/${task.id}/decision`, {
      decision: 'approve',
    });
    await vu.think();
    done += 1;
  }
}

/** The case screen: the case, its record (metryka), documents and deadline, in parallel. */
async function viewCase(vu: VirtualUser, caseId: string) {
  const [, , documents] = await Promise.all([
    vu.get('/cases/{id}', `/cases/${caseId}`),
    vu.get('/cases/{id}/record', `/cases/${caseId}/record`),
    vu.get<DocumentView[]>('/cases/{id}/documents', `/cases/${caseId}/documents`),
    vu.get('/cases/{id}/deadline', `/cases/${caseId}/deadline`),
  ]);
  return documents;
}

async function kierownikRound(vu: VirtualUser) {
  let waiting: PendingAssignment[] = [];
  let tasks: ApprovalTask[] = [];
  const unitId = vu.who.office.units.get(vu.who.user.unit)!;
  await desk(vu, [
    vu
      .get<PendingAssignment[]>('/assignments/mine', '/assignments/mine')
      .then((w) => (waiting = w)),
    vu.get<ApprovalTask[]>('/approvals/mine', '/approvals/mine').then((t) => (tasks = t)),
    vu.get('/deadlines', `/deadlines?kind=overdue&unitId=${unitId}`),
  ]);
  await vu.think();
  await forwardUnitLetters(vu, waiting, 3);
  await approveMine(vu, tasks, 3);
  const cases = await vu.get<CaseSummary[]>('/cases', '/cases?status=open&limit=50');
  await vu.think();
  if (cases.length) {
    await viewCase(vu, vu.random.pick(cases).id);
    await vu.think();
  }
}

async function pracownikRound(vu: VirtualUser) {
  let waiting: PendingAssignment[] = [];
  let tasks: ApprovalTask[] = [];
  let mine: CaseSummary[] = [];
  await desk(vu, [
    vu
      .get<PendingAssignment[]>('/assignments/mine', '/assignments/mine')
      .then((w) => (waiting = w)),
    vu.get<ApprovalTask[]>('/approvals/mine', '/approvals/mine').then((t) => (tasks = t)),
    vu.get('/deadlines', '/deadlines?kind=due_soon&within=5&mine=true'),
    vu
      .get<CaseSummary[]>('/cases', '/cases?mine=true&status=open&limit=20')
      .then((c) => (mine = c)),
  ]);
  void tasks;
  await vu.think();
  const me = vu.plan.vusOfLogin(vu.who.office, vu.who.user.login);
  const unitId = vu.who.office.units.get(vu.who.user.unit)!;
  let opened = 0;
  for (const assignment of waiting) {
    if (opened >= 2) break;
    if (assignment.userId !== vu.who.userId || !vu.owns(assignment.id, me)) continue;
    const letter = await vu.get<{ title: string; sender: { name: string } }>(
      '/incoming/{id}',
      `/incoming/${assignment.incomingId}`,
    );
    await vu.think();
    await vu.post('/assignments/{id}/accept', `/assignments/${assignment.id}/accept`);
    await vu.think();
    if (assignment.item.caseId) continue;
    const matter = vu.jrwa.draw(vu.random, vu.who.user.unit as CaseUnit);
    const kase = await vu.post<{ id: string }>('/cases', '/cases', {
      unitId,
      jrwaSymbol: matter.symbol,
      title: `${letter.title} – ${letter.sender.name}`.slice(0, 500),
      incomingId: assignment.incomingId,
    });
    await vu.think(1, 3);
    await vu.api('PUT /cases/{id}/deadline', 'PUT', `/cases/${kase.id}/deadline`, {
      json: { kind: 'one_month' },
    });
    vu.cases.push(kase.id);
    opened += 1;
    await vu.think();
  }
  // Work on one of my cases: read it, then take it one step further.
  const candidates = mine.filter((c) => vu.owns(c.id, me)).map((c) => c.id);
  const recent = vu.cases.filter((id) => vu.owns(id, me)).at(-1);
  const caseId =
    recent && (vu.random.chance(0.5) || !candidates.length)
      ? recent
      : candidates.length
        ? vu.random.pick(candidates)
        : undefined;
  if (!caseId) return;
  const documents = await viewCase(vu, caseId);
  await vu.think();
  await advanceCase(vu, caseId, documents);
}

/** One step of a handler's work on a case, decided from the state of its documents. */
async function advanceCase(vu: VirtualUser, caseId: string, documents: DocumentView[]) {
  const replies = documents.filter((d) => d.kind === 'letter' || d.kind === 'decision');
  const approved = replies.find((d) => d.status === 'approved' || d.status === 'signed');
  const draft = replies.find((d) => d.status === 'draft');
  if (approved) {
    const signer = vu.settings.signers.has(vu.who.user.login);
    let electronic = false;
    if (approved.status === 'approved' && signer && vu.random.chance(0.5)) {
      await vu.post('/documents/{id}/sign', `/documents/${approved.id}/sign`, {
        credential: 'personal',
        password: 'demo',
      });
      electronic = true;
      await vu.think();
    }
    if (approved.kind === 'decision') {
      // Issued already when a previous step ended between issuing and dispatching: the 409 says
      // so (the screen would show the register number), and the handler goes on to dispatch.
      const issued = await vu.api(
        'POST /documents/{id}/issue',
        'POST',
        `/documents/${approved.id}/issue`,
        {
          json: {},
          accept: [409],
        },
      );
      if (
        issued.status === 409 &&
        issued.json<{ error: { code: string } }>().error.code !== 'decision.already_issued'
      )
        throw new Error(`issue: ${issued.body.toString()}`);
      await vu.think(1, 3);
    }
    const addressee = sender(vu.random);
    await vu.post('/outgoing', '/outgoing', {
      documentId: approved.id,
      addressee,
      ...(electronic
        ? {
            method: 'edoreczenia',
            electronicAddress: `AE:PL-${vu.random.int(10000, 99999)}-${vu.random.int(10000, 99999)}-ABCDE-12`,
          }
        : {
            method: approved.kind === 'decision' ? 'post_return_receipt' : 'post',
            postalClass: 'economy',
          }),
    });
    await vu.think();
    return;
  }
  if (draft) {
    if (vu.random.chance(0.3)) {
      await vu.api('POST /documents/{id}/versions', 'POST', `/documents/${draft.id}/versions`, {
        form: { fields: { note: 'poprawki' }, file: unique(vu.files.letter(vu.random)) },
      });
      await vu.think();
    }
    await vu.post('/documents/{id}/approval', `/documents/${draft.id}/approval`, {});
    await vu.think();
    return;
  }
  const pending = replies.some((d) => d.status === 'in_approval');
  const dispatched =
    replies.length > 0 &&
    replies.every((d) => d.status === 'dispatched' || d.status === 'cancelled');
  if (dispatched && vu.random.chance(0.5)) {
    // Notes stay drafts and block closing; they are never sent, so the handler withdraws them.
    for (const note of documents.filter((d) => d.status === 'draft')) {
      await vu.post('/documents/{id}/cancel', `/documents/${note.id}/cancel`, {
        reason: 'dokument wewnętrzny – nie do wysyłki',
      });
      await vu.think(1, 2);
    }
    await vu.post('/cases/{id}/close', `/cases/${caseId}/close`);
    const index = vu.cases.indexOf(caseId);
    if (index >= 0) vu.cases.splice(index, 1);
    await vu.think();
    return;
  }
  if (vu.random.chance(0.5)) {
    await vu.api('POST /cases/{id}/documents', 'POST', `/cases/${caseId}/documents`, {
      form: {
        fields: { kind: 'note', title: vu.random.pick(noteTitles) },
        file: unique(vu.files.note(vu.random)),
      },
    });
    await vu.think();
  }
  if (!pending) {
    await vu.api('POST /cases/{id}/documents', 'POST', `/cases/${caseId}/documents`, {
      form: {
        fields: {
          kind: vu.random.chance(0.25) ? 'decision' : 'letter',
          title: vu.random.pick(replyTitles),
        },
        file: unique(vu.files.letter(vu.random)),
      },
    });
    await vu.think();
  } else if (vu.random.chance(0.3)) {
    await vu.api('PUT /cases/{id}/deadline', 'PUT', `/cases/${caseId}/deadline`, {
      // Cases opened ex officio have no initiating letter to count from: the term runs from today.
      json: { kind: 'two_months', startsOn: vu.today() },
    });
    await vu.think();
  }
}

async function dyrektorRound(vu: VirtualUser) {
  let tasks: ApprovalTask[] = [];
  await desk(vu, [
    vu.get<ApprovalTask[]>('/approvals/mine', '/approvals/mine').then((t) => (tasks = t)),
    vu.get('/deadlines', '/deadlines?kind=overdue'),
  ]);
  await vu.think();
  await approveMine(vu, tasks, 5);
  const cases = await vu.get<CaseSummary[]>('/cases', '/cases?limit=50');
  await vu.think();
  if (cases.length) {
    const kase = vu.random.pick(cases);
    await viewCase(vu, kase.id);
    await vu.think();
  }
  await vu.get(
    '/search',
    `/search?q=${encodeURIComponent(vu.random.pick(['podatek', 'skarga', 'zaświadczenie', 'warunki zabudowy', 'najem lokalu', 'Kowalski']))}&limit=20`,
  );
  await vu.think();
  const unit = vu.random.pick(['FN', 'GK', 'AB', 'GN']) as CaseUnit;
  await vu.get(
    '/case-lists',
    `/case-lists?year=${new Date().getFullYear()}&unitId=${vu.who.office.units.get(unit)}&jrwaSymbol=${vu.jrwa.draw(vu.random, unit).symbol}`,
  );
  await vu.think();
}

async function administratorRound(vu: VirtualUser) {
  await desk(vu);
  await vu.think();
  for (const [name, path] of [
    ['/org/people', '/org/people'],
    ['/org/units', '/org/units'],
    ['/org/substitutions', '/org/substitutions'],
    ['/jrwa/classes', '/jrwa/classes?final=true'],
    ['/approval-paths', '/approval-paths'],
    ['/templates', '/templates'],
  ] as const) {
    if (vu.random.chance(0.5)) continue;
    await vu.get(name, path);
    await vu.think();
  }
}
