import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIncoming } from './support/factories.ts';
import { countIncomingItems, json, useTestApi } from './support/http.ts';
import { buildOpenApiDocument } from '../src/app.ts';

const api = useTestApi();
const countItems = () => countIncomingItems(api);

describe('HTTP API /api/v1', () => {
  it('walks a letter from registration to a case with its record, through the public contract', async () => {
    const kancelaria = await api.login('kancelaria');
    const registered = await kancelaria.post(
      '/api/v1/incoming',
      buildIncoming({ title: 'Wniosek o zaświadczenie o niezaleganiu' }),
    );
    expect(registered.status).toBe(201);
    const { id, rpwNumber } = (await registered.json()) as { id: string; rpwNumber: string };
    expect(rpwNumber).toMatch(/^RPW\/\d+\/2026$/);

    const scan = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const attached = await kancelaria.upload(
      `/api/v1/incoming/${id}/attachments`,
      'skan.pdf',
      scan,
    );
    expect(attached.status).toBe(201);
    const file = (await attached.json()) as { fileId: string; sha256: string; contentType: string };
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.contentType).toBe('application/pdf');

    const units = (await (await kancelaria.get('/api/v1/org/units')).json()) as Array<{
      id: string;
      symbol: string;
      parentId: string | null;
    }>;
    const fn = units.find((u) => u.symbol === 'FN')!;
    expect(
      (
        await kancelaria.post(`/api/v1/incoming/${id}/assignments`, {
          unitId: fn.id,
          deadline: '2026-03-09',
        })
      ).status,
    ).toBe(201);

    const kierownik = await api.login('kierownik.fn');
    const [unitAssignment] = (await (
      await kierownik.get(`/api/v1/incoming/${id}/assignments`)
    ).json()) as Array<{ id: string }>;
    const forwarded = await kierownik.post(`/api/v1/assignments/${unitAssignment!.id}/forward`, {
      userId: api.demo.people['referent.fn'],
    });
    expect(forwarded.status).toBe(201);

    const referent = await api.login('referent.fn');
    const classes = (await (
      await referent.get('/api/v1/jrwa/classes?final=true')
    ).json()) as Array<{ symbol: string; category: string }>;
    expect(classes.find((c) => c.symbol === '3118')).toMatchObject({ category: 'B5' });
    const opened = await referent.post('/api/v1/cases', {
      unitId: fn.id,
      jrwaSymbol: '3118',
      title: 'Zaświadczenie o niezaleganiu – Jan Kowalski',
      incomingId: id,
    });
    expect(opened.status).toBe(201);
    const kase = (await opened.json()) as { id: string; sign: string };
    expect(kase.sign).toBe('FN.3118.1.2026');

    const shown = (await (await referent.get(`/api/v1/cases/${kase.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(shown).toMatchObject({
      id: kase.id,
      sign: kase.sign,
      status: 'open',
      unitId: fn.id,
      handlerId: api.demo.people['referent.fn'],
    });
    const record = (await (await referent.get(`/api/v1/cases/${kase.id}/record`)).json()) as {
      sign: string;
      rows: Array<{ action: string; person: string; post: string; documentId: string | null }>;
    };
    expect(record.sign).toBe(kase.sign);
    expect(record.rows.map((r) => r.action)).toEqual([
      'incoming.registered',
      'incoming.file_attached',
      'assignment.created',
      'assignment.forwarded',
      'case.opened',
      'case.incoming_joined',
    ]);
    expect(record.rows[0]).toMatchObject({ documentId: rpwNumber });
    expect(record.rows[5]).toMatchObject({ person: 'Joanna Dąbrowska', documentId: rpwNumber });

    const list = await kierownik.get(
      `/api/v1/case-lists?year=2026&unitId=${fn.id}&jrwaSymbol=3118`,
    );
    expect(((await list.json()) as { rows: unknown[] }).rows).toHaveLength(1);
    const csv = await kierownik.get(
      `/api/v1/case-lists?year=2026&unitId=${fn.id}&jrwaSymbol=3118&format=csv`,
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('FN.3118.1.2026');

    const outsider = await api.login('referent.or');
    const hidden = await outsider.get(`/api/v1/cases/${kase.id}`);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({
      error: {
        code: 'case.not_found',
        message: 'Case not found.',
        messagePl: 'Nie znaleziono sprawy.',
      },
    });
  });

  it('answers malformed input with 4xx, a code and Polish and English messages, and writes nothing', async () => {
    const kancelaria = await api.login('kancelaria');
    const before = await countItems();
    const missingSender = await kancelaria.post('/api/v1/incoming', {
      ...buildIncoming(),
      sender: undefined,
    });
    expect(missingSender.status).toBe(400);
    const body = (await missingSender.json()) as {
      error: { code: string; message: string; messagePl: string };
    };
    expect(body.error).toMatchObject({
      code: 'request.invalid',
      messagePl: expect.stringContaining('sender'),
    });
    const badChannel = await kancelaria.post('/api/v1/incoming', {
      ...buildIncoming(),
      channel: 'fax',
    });
    expect(badChannel.status).toBe(400);
    const notJson = await api.app.request('/api/v1/incoming', {
      method: 'POST',
      body: '{oops',
      headers: { Authorization: `Bearer ${kancelaria.token}`, 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toMatch(
      /^request\./,
    );
    const badCase = await kancelaria.post('/api/v1/cases', {
      unitId: 'not-a-uuid',
      jrwaSymbol: '3118',
      title: '',
    });
    expect(badCase.status).toBe(400);
    expect(await countItems()).toBe(before);
  });

  it('registers a batch of letters in one call, all or none', async () => {
    const kancelaria = await api.login('kancelaria');
    const before = await countItems();
    const letters = Array.from({ length: 3 }, (_, i) =>
      buildIncoming({ title: `Zawiadomienie o podatku ${i + 1}` }),
    );
    const invalid = await kancelaria.post('/api/v1/incoming/batch', {
      letters: [...letters, { ...buildIncoming(), channel: 'fax' }],
    });
    expect(invalid.status).toBe(400);
    expect(
      ((await invalid.json()) as { error: { code: string; messagePl: string } }).error,
    ).toMatchObject({ code: 'request.invalid', messagePl: expect.stringContaining('3') });
    expect(await countItems()).toBe(before);

    const response = await kancelaria.post('/api/v1/incoming/batch', { letters });
    expect(response.status).toBe(201);
    const { registered } = (await response.json()) as {
      registered: Array<{ id: string; rpwNumber: string }>;
    };
    const numbers = registered.map((r) => Number(/^RPW\/(\d+)\/2026$/.exec(r.rpwNumber)?.[1]));
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
    const second = (await (
      await kancelaria.get(`/api/v1/incoming/${registered[1]!.id}`)
    ).json()) as {
      title: string;
    };
    expect(second.title).toBe('Zawiadomienie o podatku 2');
    expect(await countItems()).toBe(before + 3);
  });

  it('registers a letter with its files in one multipart request, or nothing when any part is bad', async () => {
    const kancelaria = await api.login('kancelaria');
    const auth = { Authorization: `Bearer ${kancelaria.token}` };
    const send = (parts: Array<[string, string | File]>) => {
      const form = new FormData();
      for (const [name, value] of parts) form.append(name, value);
      return api.app.request('/api/v1/incoming', { method: 'POST', body: form, headers: auth });
    };
    const letter = JSON.stringify(buildIncoming({ title: 'Wniosek o wycinkę drzewa' }));
    const scan = new File(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], 'skan.pdf');
    const note = new File(['Załącznik: mapa działki nr 12/3.'], 'mapa.txt');

    const response = await send([
      ['letter', letter],
      ['file', scan],
      ['file', note],
    ]);
    expect(response.status).toBe(201);
    const registered = (await response.json()) as {
      id: string;
      rpwNumber: string;
      files: Array<{ fileId: string; contentType: string }>;
    };
    expect(registered.rpwNumber).toMatch(/^RPW\/\d+\/2026$/);
    expect(registered.files.map((f) => f.contentType)).toEqual(['application/pdf', 'text/plain']);
    const shown = (await (await kancelaria.get(`/api/v1/incoming/${registered.id}`)).json()) as {
      title: string;
      files: Array<{ fileId: string; name: string }>;
    };
    expect(shown.title).toBe('Wniosek o wycinkę drzewa');
    expect(shown.files.map((f) => [f.fileId, f.name])).toEqual(
      registered.files.map((f, i) => [f.fileId, ['skan.pdf', 'mapa.txt'][i]]),
    );
    const events = await api.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', registered.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'incoming.registered',
      'incoming.file_attached',
      'incoming.file_attached',
    ]);

    const before = await countItems();
    const empty = await send([
      ['letter', letter],
      ['file', new File([], 'pusty.pdf')],
    ]);
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('file.empty');
    const noLetter = await send([['file', scan]]);
    expect(noLetter.status).toBe(400);
    expect(((await noLetter.json()) as { error: { code: string } }).error.code).toBe(
      'request.invalid',
    );
    const broken = await send([
      ['letter', '{"title":'],
      ['file', scan],
    ]);
    expect(broken.status).toBe(400);
    expect(
      ((await broken.json()) as { error: { code: string; messagePl: string } }).error,
    ).toMatchObject({
      code: 'incoming.letter_field_missing',
      messagePl: expect.stringContaining('letter'),
    });
    const invalid = await send([
      ['letter', JSON.stringify({ ...buildIncoming(), channel: 'fax' })],
    ]);
    expect(invalid.status).toBe(400);
    expect(await countItems()).toBe(before);
  });

  it('rejects requests without a valid token', async () => {
    const response = await api.app.request('/api/v1/me');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'auth.unauthenticated',
    );
    const forged = await api.app.request('/api/v1/me', {
      headers: { Authorization: 'Bearer obs_forged' },
    });
    expect(forged.status).toBe(401);
  });

  it('applies a change to a signed-in person on their next request: substitution, deactivation, logout', async () => {
    type Me = { officeName: string; roles: Array<{ role: string; onBehalfOf?: string }> };
    const me = async (client: { get(url: string): Promise<Response> | Response }) =>
      (await client.get('/api/v1/me')) as Response;
    const substitute = await api.login('referent2.fn');
    const before = (await (await me(substitute)).json()) as Me;
    expect(before.roles.some((r) => r.onBehalfOf)).toBe(false);

    const admin = await api.login('admin');
    const substitution = await admin.post('/api/v1/org/substitutions', {
      absentUserId: api.demo.people['referent.fn'],
      substituteUserId: api.demo.people['referent2.fn'],
      startsOn: '2026-03-02',
      endsOn: '2026-03-06',
    });
    expect(substitution.status).toBe(201);
    const during = (await (await me(substitute)).json()) as Me;
    expect(during.roles).toContainEqual(
      expect.objectContaining({ onBehalfOf: api.demo.people['referent.fn'] }),
    );

    // Changes made elsewhere (another node, an administrator's script) count as well.
    await api.database.db.updateTable('offices').set({ name: 'Urząd Gminy Demo' }).execute();
    expect(((await (await me(substitute)).json()) as Me).officeName).toBe('Urząd Gminy Demo');
    const kierownik = await api.login('kierownik.fn');
    expect((await me(kierownik)).status).toBe(200);
    await api.database.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', api.demo.people['kierownik.fn']!)
      .execute();
    expect((await me(kierownik)).status).toBe(401);

    expect((await substitute.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await me(substitute)).status).toBe(401);
  });

  it('throttles a login after five failed attempts', async () => {
    for (let i = 0; i < 5; i++) {
      const failed = await api.app.request(
        '/api/v1/auth/login',
        json('POST', { login: 'referent.gk', password: 'wrong' }),
      );
      expect(failed.status).toBe(401);
    }
    const locked = await api.app.request(
      '/api/v1/auth/login',
      json('POST', { login: 'referent.gk', password: 'demo' }),
    );
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe(
      'auth.throttled',
    );
    api.clock.advance(16 * 60 * 1000);
    expect(
      (
        await api.app.request(
          '/api/v1/auth/login',
          json('POST', { login: 'referent.gk', password: 'demo' }),
        )
      ).status,
    ).toBe(200);
    api.clock.set('2026-03-02T09:00:00+01:00');
  });

  it('honours Idempotency-Key: a retried registration is answered once and registered once', async () => {
    const kancelaria = await api.login('kancelaria');
    const before = await countItems();
    const letter = buildIncoming({ title: 'Pismo wysłane dwa razy przez zerwane połączenie' });
    const first = await kancelaria.post('/api/v1/incoming', letter, {
      'Idempotency-Key': 'retry-0001-abcd',
    });
    const second = await kancelaria.post('/api/v1/incoming', letter, {
      'Idempotency-Key': 'retry-0001-abcd',
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await countItems()).toBe(before + 1);
    const reused = await kancelaria.post(
      '/api/v1/incoming',
      { ...letter, title: 'Inne pismo' },
      { 'Idempotency-Key': 'retry-0001-abcd' },
    );
    expect(reused.status).toBe(422);
    expect(await countItems()).toBe(before + 1);

    // Without a sign-in there is nobody to keep the key for: the client is told, not ignored.
    const anonymous = await api.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'login-0001-abcd' },
      body: JSON.stringify({ login: 'kancelaria', password: 'demo' }),
    });
    expect(anonymous.status).toBe(400);
    expect(await anonymous.json()).toMatchObject({
      error: { code: 'idempotency.needs_sign_in' },
    });
  });

  it('stores the same file once and refuses files over the limit', async () => {
    const kancelaria = await api.login('kancelaria');
    const { id } = (await (await kancelaria.post('/api/v1/incoming', buildIncoming())).json()) as {
      id: string;
    };
    const content = new TextEncoder().encode('Treść pisma w formacie tekstowym\n');
    const a = (await (
      await kancelaria.upload(`/api/v1/incoming/${id}/attachments`, 'a.txt', content)
    ).json()) as { sha256: string; contentType: string };
    const b = (await (
      await kancelaria.upload(`/api/v1/incoming/${id}/attachments`, 'b.txt', content)
    ).json()) as { sha256: string };
    expect(a.sha256).toBe(b.sha256);
    expect(a.contentType).toBe('text/plain');
    const tooBig = await kancelaria.upload(
      `/api/v1/incoming/${id}/attachments`,
      'big.bin',
      new Uint8Array(2 * 1024 * 1024 + 1).fill(65),
    );
    expect(tooBig.status).toBe(413);
    const executable = await kancelaria.upload(
      `/api/v1/incoming/${id}/attachments`,
      'x.exe',
      new Uint8Array([0x4d, 0x5a, ...new Array(300).fill(0)]),
    );
    expect([415, 400]).toContain(executable.status);
  });

  it('serves the OpenAPI 3.1 document, identical to the committed docs/openapi.json', async () => {
    const response = await api.app.request('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const served = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(served.openapi).toBe('3.1.0');
    expect(Object.keys(served.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/incoming',
        '/api/v1/cases/{id}/record',
        '/api/v1/case-lists',
      ]),
    );
    const committed = JSON.parse(
      fs.readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(buildOpenApiDocument(api.app));
  });
});

describe('domain systems (systemy dziedzinowe)', () => {
  it('act through an API token issued to a system account, within its role', async () => {
    const admin = await api.login('admin');
    const units = (await (await admin.get('/api/v1/org/units')).json()) as Array<{
      id: string;
      symbol: string;
    }>;
    const created = await admin.post('/api/v1/org/people', {
      login: 'system.podatki',
      name: 'System podatkowy',
      kind: 'system',
      unitId: units.find((u) => u.symbol === 'FN')!.id,
      roles: [{ role: 'system', scope: 'unit' }],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const issued = await admin.post(`/api/v1/org/people/${id}/api-tokens`, {
      name: 'integracja podatki',
    });
    expect(issued.status).toBe(201);
    const { token } = (await issued.json()) as { token: string };
    const registered = await api.app.request('/api/v1/incoming', {
      ...json('POST', buildIncoming({ channel: 'epuap' })),
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(registered.status).toBe(201);
    const login = await api.app.request(
      '/api/v1/auth/login',
      json('POST', { login: 'system.podatki', password: 'x' }),
    );
    expect(login.status).toBe(401);
    const notAdmin = await (
      await api.login('kancelaria')
    ).post(`/api/v1/org/people/${id}/api-tokens`, { name: 'x' });
    expect(notAdmin.status).toBe(403);
  });
});

describe('GET /api/v1/deadlines/compute (art. 57 KPA)', () => {
  const compute = async (query: string) => api.app.request(`/api/v1/deadlines/compute?${query}`);

  it('computes the worked examples without signing in', async () => {
    expect(await (await compute('from=2025-12-12&term=14d')).json()).toEqual({
      from: '2025-12-12',
      term: '14d',
      rawEnd: '2025-12-26',
      due: '2025-12-29',
    });
    expect(await (await compute('from=2026-01-31&term=1m')).json()).toEqual({
      from: '2026-01-31',
      term: '1m',
      rawEnd: '2026-02-28',
      due: '2026-03-02',
    });
    expect(await (await compute('from=2026-05-28&term=7d')).json()).toEqual({
      from: '2026-05-28',
      term: '7d',
      rawEnd: '2026-06-04',
      due: '2026-06-05',
    });
    expect(
      (await (await compute('from=2026-03-02&term=2w')).json()) as { due: string },
    ).toMatchObject({ due: '2026-03-16' });
  });

  it('answers a bad term or date with 400 and a code', async () => {
    for (const [query, code] of [
      ['from=2026-01-01&term=14x', 'deadline.invalid_term'],
      ['from=2026-01-01&term=0d', 'deadline.invalid_term'],
      ['from=2026-02-30&term=1m', 'deadline.invalid_date'],
      ['from=yesterday&term=1m', 'deadline.invalid_date'],
    ] as const) {
      const response = await compute(query);
      expect(response.status).toBe(400);
      expect(
        ((await response.json()) as { error: { code: string; messagePl: string } }).error,
      ).toMatchObject({ code, messagePl: expect.any(String) });
    }
    expect((await compute('from=2026-01-01')).status).toBe(400);
  });
});
