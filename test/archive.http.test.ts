import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/http.ts';

const api = useTestApi();

/** Sessions last hours: after moving the clock by years, everyone signs in again. */
const at = async (instant: string, login: string) => {
  api.clock.set(instant);
  return api.login(login);
};
const body = async <T>(response: Response | Promise<Response>, status: number): Promise<T> => {
  const resolved = await response;
  if (resolved.status !== status) throw new Error(`${resolved.status}: ${await resolved.text()}`);
  return (await resolved.json()) as T;
};

describe('archive through the API: hand-over, access, brakowanie', () => {
  it('hands a B5 case over, lends it, and destroys it with consent, keeping its metadata', async () => {
    const referent = await at('2025-04-01T09:00:00+02:00', 'referent.fn');
    const kase = await body<{ id: string; sign: string }>(
      referent.post('/api/v1/cases', {
        unitId: api.demo.units.FN,
        jrwaSymbol: '3010',
        title: 'Materiały do projektu budżetu na 2026 r.',
      }),
      201,
    );
    await body(referent.post(`/api/v1/cases/${kase.id}/close`), 200);

    const kierownik = await at('2028-01-10T09:00:00+01:00', 'kierownik.fn');
    const transfer = await body<{ id: string; sign: string; items: unknown[] }>(
      kierownik.post('/api/v1/archive/transfers', {
        unitId: api.demo.units.FN,
        jrwaSymbol: '3010',
        caseYear: 2025,
      }),
      201,
    );
    expect(transfer.items).toHaveLength(1);
    await body(kierownik.post(`/api/v1/archive/transfers/${transfer.id}/submit`), 200);
    const archivist = await api.login('archiwista');
    const refused = await kierownik.post(`/api/v1/archive/transfers/${transfer.id}/accept`, {});
    expect(refused.status).toBe(403);
    expect(
      ((await refused.json()) as { error: { code: string; messagePl: string } }).error,
    ).toMatchObject({ code: 'archive.forbidden', messagePl: expect.stringContaining('archiwum') });
    await body(
      archivist.post(`/api/v1/archive/transfers/${transfer.id}/accept`, {
        locations: [{ caseId: kase.id, shelf: 'R1', box: '4', archivalSign: 'FN/3010/1' }],
      }),
      200,
    );

    const clerk = await api.login('referent.fn');
    expect((await clerk.get(`/api/v1/archive/holdings/${kase.id}`)).status).toBe(404);
    const loan = await body<{ id: string }>(
      clerk.post('/api/v1/archive/loans', {
        caseId: kase.id,
        kind: 'view',
        purpose: 'Kontrola RIO',
      }),
      201,
    );
    await body(archivist.post(`/api/v1/archive/loans/${loan.id}/decision`, { approve: true }), 200);
    const seen = await body<{ sign: string; box: string }>(
      clerk.get(`/api/v1/archive/holdings/${kase.id}`),
      200,
    );
    expect(seen).toMatchObject({ sign: kase.sign, box: '4' });
    await body(archivist.post(`/api/v1/archive/loans/${loan.id}/return`), 200);

    const keeper = await at('2031-01-08T09:00:00+01:00', 'archiwista');
    const list = await body<{ id: string; items: Array<{ caseId: string }> }>(
      keeper.post('/api/v1/archive/disposal-lists', { year: 2031 }),
      201,
    );
    expect(list.items.map((item) => item.caseId)).toEqual([kase.id]);
    const lists = await body<Array<{ id: string; status: string; items: number }>>(
      keeper.get('/api/v1/archive/disposal-lists'),
      200,
    );
    expect(lists).toContainEqual(
      expect.objectContaining({ id: list.id, status: 'draft', items: 1 }),
    );
    const clerkThen = await at('2031-01-08T09:00:00+01:00', 'referent.fn');
    expect((await clerkThen.get('/api/v1/archive/disposal-lists')).status).toBe(403);
    await body(
      keeper.post(`/api/v1/archive/disposal-lists/${list.id}/answers`, {
        answers: [{ caseId: kase.id, answer: 'destroy' }],
      }),
      200,
    );
    await body(keeper.post(`/api/v1/archive/disposal-lists/${list.id}/submit`), 200);
    const early = await keeper.post(`/api/v1/archive/disposal-lists/${list.id}/execute`);
    expect(early.status).toBe(409);

    const form = new FormData();
    form.append('number', 'AP.4231.3.2031');
    form.append('date', '2031-02-02');
    form.append('file', new File([new TextEncoder().encode('zgoda')], 'zgoda.txt'));
    await body(
      api.app.request(`/api/v1/archive/disposal-lists/${list.id}/consent`, {
        method: 'POST',
        body: form,
        headers: { Authorization: `Bearer ${keeper.token}` },
      }),
      200,
    );
    const done = await body<{ status: string; items: Array<{ outcome: string }> }>(
      keeper.post(`/api/v1/archive/disposal-lists/${list.id}/execute`),
      200,
    );
    expect(done).toMatchObject({ status: 'executed', items: [{ outcome: 'destroyed' }] });
    const [holding] = await body<Array<{ caseId: string; archivalSign: string }>>(
      keeper.get('/api/v1/archive/holdings?q=FN%2F3010'),
      200,
    );
    expect(holding).toMatchObject({ caseId: kase.id, archivalSign: 'FN/3010/1' });
  });
});
