import { assignIncoming } from '../../src/modules/assignments/assignments.usecases.ts';
import {
  decideApproval,
  listMyApprovalTasks,
  sendForApproval,
} from '../../src/modules/approvals/approvals.usecases.ts';
import { openCase } from '../../src/modules/cases/cases.usecases.ts';
import { registerOutgoing } from '../../src/modules/dispatch/dispatch.usecases.ts';
import { addDocument } from '../../src/modules/documents/documents.usecases.ts';
import type { FileStore } from '../../src/platform/files/file-store.ts';
import type { RegisterIncomingInput } from '../../src/modules/incoming/incoming.schemas.ts';
import { registerIncoming } from '../../src/modules/incoming/incoming.usecases.ts';
import type { DemoOffice } from '../../src/demo/demo-office.ts';
import type { ActorDeps } from '../../src/platform/record/transaction.ts';
import type { Client, TestApi } from './http.ts';

/** An incoming letter with the mandatory metadata; override what the test is about. */
export function buildIncoming(
  overrides: Partial<RegisterIncomingInput> = {},
): RegisterIncomingInput {
  return {
    title: 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
    sender: {
      name: 'Jan Kowalski',
      address: {
        street: 'ul. Wojska Polskiego 1',
        postalCode: '72-600',
        town: 'Świnoujście',
        country: 'Polska',
      },
    },
    receivedAt: '2026-03-02T08:30:00+01:00',
    channel: 'paper',
    ...overrides,
  };
}

/** What a case of the FN unit is opened with; override what the test is about. */
interface FnCaseOverrides {
  title?: string;
  jrwaSymbol?: string;
  letter?: Partial<RegisterIncomingInput>;
}

/** Whatever gives use-case dependencies for a demo login: a test office, the demo server. */
interface DemoActors {
  as(login: string): Promise<ActorDeps>;
  demo: DemoOffice;
}

/**
 * A letter from Jan Kowalski, registered by the kancelaria and assigned to the FN handler, who
 * opens a case of class 3110 from it (through the use cases).
 */
export function openFnCase(office: DemoActors, overrides: FnCaseOverrides = {}) {
  return openUnitCase(
    office,
    { unit: 'FN', handler: 'referent.fn', jrwaSymbol: '3110' },
    overrides,
  );
}

/** The same in any unit, by a handler of that unit, in a final class the unit may use. */
export async function openUnitCase(
  office: DemoActors,
  where: { unit: keyof DemoOffice['units']; handler: string; jrwaSymbol: string },
  overrides: FnCaseOverrides = {},
) {
  const kancelaria = await office.as('kancelaria');
  const letter = await registerIncoming(kancelaria, buildIncoming(overrides.letter));
  await assignIncoming(kancelaria, letter.id, { userId: office.demo.people[where.handler]! });
  const referent = await office.as(where.handler);
  const kase = await openCase(referent, {
    unitId: office.demo.units[where.unit],
    jrwaSymbol: overrides.jrwaSymbol ?? where.jrwaSymbol,
    title: overrides.title ?? 'Wymiar podatku od nieruchomości',
    incomingId: letter.id,
  });
  return { referent, kase, letter };
}

/**
 * A letter of the case drafted by its handler, approved by `head` and registered for dispatch by
 * post (paper letters need no signature): an item of the outgoing register (RKW).
 */
export async function dispatchLetterByPost(
  office: DemoActors,
  files: FileStore,
  letter: { caseId: string; handler: string; head: string; title: string },
) {
  const handler = { ...(await office.as(letter.handler)), files };
  const document = await addDocument(
    handler,
    letter.caseId,
    { kind: 'letter', title: letter.title },
    { name: 'pismo.txt', content: new TextEncoder().encode(letter.title) },
  );
  await sendForApproval(handler, document.id, {
    steps: [{ kind: 'approve', approverIds: [office.demo.people[letter.head]!] }],
  });
  const head = await office.as(letter.head);
  const task = (await listMyApprovalTasks(head)).find((t) => t.documentId === document.id);
  await decideApproval(head, task!.id, { decision: 'approve' });
  return registerOutgoing(handler, {
    documentId: document.id,
    addressee: { name: 'Jan Kowalski', address: buildIncoming().sender.address },
    method: 'post',
  });
}

/** The same over HTTP: the kancelaria registers and assigns, `referent` opens the case. */
export async function openFnCaseOverHttp(
  api: TestApi,
  referent: Client,
  overrides: FnCaseOverrides = {},
) {
  const kancelaria = await api.login('kancelaria');
  const registered = await kancelaria.post('/api/v1/incoming', buildIncoming(overrides.letter));
  const { id } = (await registered.json()) as { id: string };
  await kancelaria.post(`/api/v1/incoming/${id}/assignments`, {
    userId: api.demo.people['referent.fn'],
  });
  const opened = await referent.post('/api/v1/cases', {
    unitId: api.demo.units.FN,
    jrwaSymbol: overrides.jrwaSymbol ?? '3110',
    title: overrides.title ?? 'Wymiar podatku od nieruchomości',
    incomingId: id,
  });
  return ((await opened.json()) as { id: string }).id;
}
