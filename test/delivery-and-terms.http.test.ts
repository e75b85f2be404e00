import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDiskFileStore } from '../src/platform/files/file-store.ts';
import { DEFAULT_PORTAL_SETTINGS, type PortalDeps } from '../src/modules/portal/portal-account.ts';
import { reportUncollectedPortalLetters } from '../src/modules/portal/portal.worker.ts';
import { submitApplication } from '../src/modules/portal/submissions.usecases.ts';
import { createTestPki, type TestPki } from '../src/modules/signatures/throwaway-ca.ts';
import { buildTaxApplication, signInAs } from './portal/portal-support.ts';
import { MAX_FILE_BYTES, useTestApi, type Client } from './support/http.ts';

/**
 * The scenarios an auditor runs through the public API: deliveries by each method (post with
 * the art. 44 fiction, e-Doręczenia to a person and to a public entity, ePUAP, the portal) and
 * an extension followed by a pause, each giving the dates of docs/legal.md.
 */
const api = useTestApi();
let pki: TestPki;
let referent: Client;
let kancelaria: Client;

const pdf = new TextEncoder().encode('%PDF-1.7\nDecyzja w sprawie podatku od nieruchomości\n');
const file = (content: Uint8Array, name: string) => new File([new Uint8Array(content)], name);

function postForm(client: Client, url: string, fields: Record<string, string | File>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return api.app.request(url, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${client.token}` },
  });
}

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const answer = await response;
  const body = (await answer.json()) as T;
  expect(answer.status, JSON.stringify(body)).toBe(status);
  return body;
}

interface Outgoing {
  id: string;
  status: string;
  arrivedOn: string | null;
  firstNoticeOn: string | null;
  deliveredOn: string | null;
  deliveryKind: string | null;
  proofName: string | null;
  fictionDate: string | null;
  notCollectedAt: string | null;
  appealDue: string | null;
}

/** A decision drafted, approved by the head of unit and signed by its handler, over HTTP. */
async function signedDecision(caseId?: string) {
  const id =
    caseId ??
    (
      await json<{ id: string }>(
        referent.post('/api/v1/cases', {
          unitId: api.demo.units.FN,
          jrwaSymbol: '3110',
          title: 'Wymiar podatku od nieruchomości',
        }),
        201,
      )
    ).id;
  const added = await json<{ id: string }>(
    postForm(referent, `/api/v1/cases/${id}/documents`, {
      kind: 'decision',
      title: 'Decyzja ustalająca wysokość podatku',
      file: file(pdf, 'decyzja.pdf'),
    }),
    201,
  );
  await json(
    referent.post(`/api/v1/documents/${added.id}/approval`, {
      steps: [{ approverIds: [api.demo.people['kierownik.fn']] }],
    }),
    201,
  );
  const kierownik = await api.login('kierownik.fn');
  const tasks = await json<Array<{ id: string; documentId: string }>>(
    kierownik.get('/api/v1/approvals/mine'),
  );
  const task = tasks.find((t) => t.documentId === added.id)!;
  await json(kierownik.post(`/api/v1/approval-tasks/${task.id}/decision`, { decision: 'approve' }));
  await json(
    referent.post(`/api/v1/documents/${added.id}/sign`, {
      credential: 'personal',
      password: pki.personal.password,
    }),
    201,
  );
  return { caseId: id, documentId: added.id };
}

async function dispatch(documentId: string, body: Record<string, unknown>) {
  const { id } = await json<{ id: string }>(
    referent.post('/api/v1/outgoing', { documentId, ...body }),
    201,
  );
  if (body.method !== 'portal')
    expect((await json<Outgoing>(kancelaria.post(`/api/v1/outgoing/${id}/sent`))).status).toBe(
      'sent',
    );
  return id;
}

/** Moves the fixed clock and signs in again (a session lasts 12 hours of that clock). */
async function at(instant: string) {
  api.clock.set(instant);
  referent = await api.login('referent.fn');
  kancelaria = await api.login('kancelaria');
}

beforeAll(async () => {
  pki = createTestPki();
  const admin = await api.login('admin');
  await json(
    postForm(admin, '/api/v1/signature-trust-anchors', {
      file: file(pki.ca.certificate.raw, 'ca.cer'),
    }),
    201,
  );
  referent = await api.login('referent.fn');
  await json(
    postForm(referent, '/api/v1/signing-credentials', {
      kind: 'personal',
      password: pki.personal.password,
      file: file(pki.personal.p12, 'joanna.p12'),
    }),
    201,
  );
  kancelaria = await api.login('kancelaria');
});

describe('delivery by each method, through the API', () => {
  it('e-Doręczenia to a person: the 14 days run from the arrival in the dowód otrzymania — arrival 2026-03-01 → 2026-03-16; arrival 2026-03-02 → 2026-03-17, appeal due 2026-03-31', async () => {
    await at('2026-02-27T12:00:00+01:00');
    const first = await signedDecision();
    const second = await signedDecision();
    const ade = { electronicAddress: 'AE:PL-11111-22222-KOWAL-11', method: 'edoreczenia' };
    const a = await dispatch(first.documentId, { addressee: { name: 'Jan Kowalski' }, ...ade });
    const b = await dispatch(second.documentId, { addressee: { name: 'Jan Kowalski' }, ...ade });

    await at('2026-03-15T12:00:00+01:00');
    // Our own sending (27 February) never starts the 14 days.
    expect(
      await json(kancelaria.post(`/api/v1/outgoing/${a}/delivery-fiction`), 409),
    ).toMatchObject({ error: { code: 'dispatch.arrival_unknown' } });
    expect(
      await json<Outgoing>(
        kancelaria.post(`/api/v1/outgoing/${a}/arrival`, { arrivedOn: '2026-03-01' }),
      ),
    ).toMatchObject({ status: 'sent', arrivedOn: '2026-03-01', fictionDate: '2026-03-16' });
    expect(
      await json(kancelaria.post(`/api/v1/outgoing/${a}/delivery-fiction`), 409),
    ).toMatchObject({ error: { code: 'dispatch.fiction_too_early' } });

    await at('2026-03-16T08:00:00+01:00');
    expect(
      await json<Outgoing>(kancelaria.post(`/api/v1/outgoing/${a}/delivery-fiction`)),
    ).toMatchObject({
      status: 'delivered',
      deliveryKind: 'fiction',
      deliveredOn: '2026-03-16',
      appealDue: '2026-03-30',
      proofName: 'dowód otrzymania',
    });
    await at('2026-03-17T08:00:00+01:00');
    // The arrival day may also come with the fiction, from the dowód otrzymania issued after 14 days.
    expect(
      await json<Outgoing>(
        kancelaria.post(`/api/v1/outgoing/${b}/delivery-fiction`, { arrivedOn: '2026-03-02' }),
      ),
    ).toMatchObject({
      arrivedOn: '2026-03-02',
      deliveredOn: '2026-03-17',
      appealDue: '2026-03-31',
    });
    const record = await json<{ rows: Array<{ action: string; description: string }> }>(
      referent.get(`/api/v1/cases/${second.caseId}/record`),
    );
    const delivered = record.rows.find((r) => r.action === 'outgoing.delivered')!;
    expect(delivered.description).toContain('dowodu otrzymania');
    expect(delivered.description).not.toContain('UPD');
  });

  it('e-Doręczenia to the SKO (a public entity): delivered on arrival — 2026-03-02 → 2026-03-02', async () => {
    await at('2026-03-02T08:00:00+01:00');
    const { documentId } = await signedDecision();
    const id = await dispatch(documentId, {
      addressee: { name: 'Samorządowe Kolegium Odwoławcze w Szczecinie', kind: 'public_entity' },
      electronicAddress: 'AE:PL-55555-66666-SKOSZ-33',
      method: 'edoreczenia',
    });
    await at('2026-03-02T15:00:00+01:00');
    expect(
      await json<Outgoing>(
        kancelaria.post(`/api/v1/outgoing/${id}/arrival`, { arrivedOn: '2026-03-02' }),
      ),
    ).toMatchObject({
      status: 'delivered',
      deliveryKind: 'arrival',
      deliveredOn: '2026-03-02',
      proofName: 'dowód otrzymania',
    });
  });

  it('post not collected (KPA art. 44): first notice 2026-03-02 → delivered 2026-03-16 → appeal due 2026-03-30, recorded with the first notice and the returned envelope', async () => {
    await at('2026-02-27T12:00:00+01:00');
    const { caseId, documentId } = await signedDecision();
    const id = await dispatch(documentId, {
      addressee: {
        name: 'Jan Kowalski',
        address: {
          street: 'ul. Lipowa 5',
          postalCode: '72-600',
          town: 'Świnoujście',
          country: 'Polska',
        },
      },
      method: 'post_return_receipt',
    });
    await at('2026-03-18T10:00:00+01:00');
    expect(
      await json(kancelaria.post(`/api/v1/outgoing/${id}/delivery-fiction`), 400),
    ).toMatchObject({ error: { code: 'dispatch.first_notice_required' } });
    expect(
      await json<Outgoing>(
        kancelaria.post(`/api/v1/outgoing/${id}/delivery-fiction`, { firstNoticeOn: '2026-03-02' }),
      ),
    ).toMatchObject({
      status: 'delivered',
      deliveryKind: 'postal_fiction',
      firstNoticeOn: '2026-03-02',
      deliveredOn: '2026-03-16',
      appealDue: '2026-03-30',
    });
    const record = await json<{ rows: Array<{ action: string; description: string }> }>(
      referent.get(`/api/v1/cases/${caseId}/record`),
    );
    const delivered = record.rows.find((r) => r.action === 'outgoing.delivered')!;
    expect(delivered.description).toContain('pierwsze zawiadomienie (awizo) 2026-03-02');
    expect(delivered.description).toContain('zwrócona przesyłka');
    expect(delivered.description).not.toContain('zwrotne potwierdzenie odbioru');
  });

  it('ePUAP: delivered on the UPD’s date of collection, with no fiction', async () => {
    await at('2026-03-02T08:00:00+01:00');
    const { documentId } = await signedDecision();
    const id = await dispatch(documentId, {
      addressee: { name: 'Jan Kowalski' },
      electronicAddress: '/jan.kowalski/domyslna',
      method: 'epuap',
    });
    await at('2026-03-20T08:00:00+01:00');
    expect(
      await json(kancelaria.post(`/api/v1/outgoing/${id}/delivery-fiction`), 409),
    ).toMatchObject({ error: { code: 'dispatch.fiction_not_applicable' } });
    expect(
      await json<Outgoing>(
        kancelaria.post(`/api/v1/outgoing/${id}/delivery`, {
          kind: 'electronic_proof',
          deliveredOn: '2026-03-04',
        }),
      ),
    ).toMatchObject({
      deliveredOn: '2026-03-04',
      appealDue: '2026-03-18',
      proofName: 'urzędowe poświadczenie doręczenia (UPD)',
    });
  });

  it('the portal (KPA art. 39 § 1): not downloaded is not delivered — no fiction; the handler is told and sends it by e-Doręczenia', async () => {
    await at('2026-03-02T09:00:00+01:00');
    const portal: PortalDeps = {
      db: api.database.db,
      clock: api.clock,
      files: createDiskFileStore(
        path.join(os.tmpdir(), `obieg-http-test-${process.pid}`),
        MAX_FILE_BYTES,
      ),
      portal: DEFAULT_PORTAL_SETTINGS,
    };
    const { session } = await signInAs(portal);
    const submitted = await submitApplication(
      portal,
      session,
      'podatek-od-nieruchomosci',
      buildTaxApplication(),
      [],
    );
    expect(submitted).toMatchObject({ ok: true, status: 'registered' });
    const incomingId = (
      await api.database.db
        .selectFrom('portal_submissions')
        .select('incoming_id')
        .where('id', '=', (submitted as { submissionId: string }).submissionId)
        .executeTakeFirstOrThrow()
    ).incoming_id!;
    const kierownik = await api.login('kierownik.fn');
    const [toUnit] = await json<Array<{ id: string }>>(
      kierownik.get(`/api/v1/incoming/${incomingId}/assignments`),
    );
    await json(
      kierownik.post(`/api/v1/assignments/${toUnit!.id}/forward`, {
        userId: api.demo.people['referent.fn'],
      }),
      201,
    );
    const kase = await json<{ id: string }>(
      referent.post('/api/v1/cases', {
        unitId: api.demo.units.FN,
        jrwaSymbol: '3110',
        title: 'Rozłożenie podatku na raty – Jan Kowalski',
        incomingId,
      }),
      201,
    );
    const { documentId } = await signedDecision(kase.id);
    const id = await dispatch(documentId, {
      addressee: { name: 'Jan Kowalski' },
      method: 'portal',
    });

    await at('2026-03-20T09:00:00+01:00');
    expect(
      await json(kancelaria.post(`/api/v1/outgoing/${id}/delivery-fiction`), 409),
    ).toMatchObject({ error: { code: 'dispatch.fiction_not_applicable' } });
    expect(await reportUncollectedPortalLetters(portal)).toBe(1);
    expect(await json<Outgoing>(kancelaria.get(`/api/v1/outgoing/${id}`))).toMatchObject({
      status: 'sent',
      deliveredOn: null,
      fictionDate: null,
      appealDue: null,
      notCollectedAt: expect.any(String),
    });
    const again = await dispatch(documentId, {
      addressee: { name: 'Jan Kowalski' },
      electronicAddress: 'AE:PL-11111-22222-KOWAL-11',
      method: 'edoreczenia',
    });
    expect(again).not.toBe(id);
  });
});

describe('terms through the API', () => {
  it('a pause after an extension still moves the term: started 2026-03-02, 1 month, extended to 2026-04-30, suspended 2026-04-10 to 2026-04-20 → due Mon 2026-05-11', async () => {
    await at('2026-03-02T09:00:00+01:00');
    const kase = await json<{ id: string }>(
      referent.post('/api/v1/cases', {
        unitId: api.demo.units.FN,
        jrwaSymbol: '3110',
        title: 'Ulga w podatku od nieruchomości',
      }),
      201,
    );
    const url = `/api/v1/cases/${kase.id}/deadline`;
    expect(
      await json(referent.put(url, { kind: 'one_month', startsOn: '2026-03-02' })),
    ).toMatchObject({ due: '2026-04-02' });
    await at('2026-03-30T09:00:00+02:00');
    expect(
      await json(
        referent.post(`${url}/extensions`, { newDue: '2026-04-30', reason: 'opinia biegłego' }),
      ),
    ).toMatchObject({ due: '2026-04-30' });
    await at('2026-04-10T09:00:00+02:00');
    await json(
      referent.post(`${url}/pauses`, {
        reason: 'suspension',
        description: 'Zawieszenie postępowania (art. 97 § 1 pkt 4 KPA)',
        startsOn: '2026-04-10',
      }),
    );
    await at('2026-04-20T09:00:00+02:00');
    expect(await json(referent.post(`${url}/resume`, { endsOn: '2026-04-20' }))).toMatchObject({
      due: '2026-05-11',
      status: 'running',
    });
    expect(await json(referent.get(url))).toMatchObject({ due: '2026-05-11' });
  });

  it('"niezwłocznie" (art. 35 § 2) gives no end date', async () => {
    const kase = await json<{ id: string }>(
      referent.post('/api/v1/cases', {
        unitId: api.demo.units.FN,
        jrwaSymbol: '3110',
        title: 'Zwrot nadpłaty',
      }),
      201,
    );
    expect(
      await json(
        referent.put(`/api/v1/cases/${kase.id}/deadline`, {
          kind: 'immediate',
          startsOn: '2026-04-20',
        }),
      ),
    ).toMatchObject({ due: null, rawEnd: null, status: 'immediate', remindOn: '2026-04-23' });
  });

  it('accepts unit symbols of letters and digits in either case with at least one letter', async () => {
    const admin = await api.login('admin');
    for (const symbol of ['A1c', '11d', 'b99']) {
      expect(
        await json(
          admin.post('/api/v1/org/units', {
            symbol,
            name: `Referat ${symbol}`,
            parentId: api.demo.units.UM,
          }),
          201,
        ),
      ).toMatchObject({ symbol });
    }
    expect(
      await json(admin.post('/api/v1/org/units', { symbol: '11D', name: 'Duplikat' }), 409),
    ).toMatchObject({ error: { code: 'org.unit_symbol_taken' } });
    expect(
      await json(admin.post('/api/v1/org/units', { symbol: '123', name: 'Bez litery' }), 400),
    ).toMatchObject({ error: { code: 'org.invalid_unit_symbol' } });
  });
});
