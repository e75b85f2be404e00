import { assignIncoming } from '../../src/modules/assignments/assignments.usecases.ts';
import { openCase } from '../../src/modules/cases/cases.usecases.ts';
import type { RegisterIncomingInput } from '../../src/modules/incoming/incoming.schemas.ts';
import { registerIncoming } from '../../src/modules/incoming/incoming.usecases.ts';
import type { TestOffice } from './context.ts';
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
}

/**
 * A letter from Jan Kowalski, registered by the kancelaria and assigned to the FN handler, who
 * opens a case of class 3110 from it (through the use cases).
 */
export async function openFnCase(office: TestOffice, overrides: FnCaseOverrides = {}) {
  const kancelaria = await office.as('kancelaria');
  const letter = await registerIncoming(kancelaria, buildIncoming());
  await assignIncoming(kancelaria, letter.id, { userId: office.demo.people['referent.fn']! });
  const referent = await office.as('referent.fn');
  const kase = await openCase(referent, {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3110',
    title: overrides.title ?? 'Wymiar podatku od nieruchomości',
    incomingId: letter.id,
  });
  return { referent, kase, letter };
}

/** The same over HTTP: the kancelaria registers and assigns, `referent` opens the case. */
export async function openFnCaseOverHttp(
  api: TestApi,
  referent: Client,
  overrides: FnCaseOverrides = {},
) {
  const kancelaria = await api.login('kancelaria');
  const registered = await kancelaria.post('/api/v1/incoming', buildIncoming());
  const { id } = (await registered.json()) as { id: string };
  await kancelaria.post(`/api/v1/incoming/${id}/assignments`, {
    userId: api.demo.people['referent.fn'],
  });
  const opened = await referent.post('/api/v1/cases', {
    unitId: api.demo.units.FN,
    jrwaSymbol: '3110',
    title: overrides.title ?? 'Wymiar podatku od nieruchomości',
    incomingId: id,
  });
  return ((await opened.json()) as { id: string }).id;
}
