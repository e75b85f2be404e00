import { describe, expect, it } from 'vitest';
import { buildIncoming } from './support/factories.ts';
import { useTestApi } from './support/http.ts';

const api = useTestApi();

describe('what the staff application reads for a desk', () => {
  it('lists letters waiting at my desk and at my unit, and serves a letter’s scan', async () => {
    const kancelaria = await api.login('kancelaria');
    const registered = (await (
      await kancelaria.post('/api/v1/incoming', buildIncoming({ title: 'Skarga na hałas' }))
    ).json()) as { id: string; rpwNumber: string };
    const scan = new TextEncoder().encode('%PDF-1.4 skan pisma');
    const attached = (await (
      await kancelaria.upload(`/api/v1/incoming/${registered.id}/attachments`, 'skan.pdf', scan)
    ).json()) as { fileId: string };
    await kancelaria.post(`/api/v1/incoming/${registered.id}/assignments`, {
      unitId: api.demo.units.FN,
    });

    const kierownik = await api.login('kierownik.fn');
    const waiting = (await (await kierownik.get('/api/v1/assignments/mine')).json()) as Array<{
      item: { rpwNumber: string };
    }>;
    expect(waiting.map((a) => a.item.rpwNumber)).toContain(registered.rpwNumber);
    const referentOr = await api.login('referent.or');
    const others = (await (await referentOr.get('/api/v1/assignments/mine')).json()) as unknown[];
    expect(others).toEqual([]);

    const file = await kierownik.get(
      `/api/v1/incoming/${registered.id}/files/${attached.fileId}/content`,
    );
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(scan);
    expect(
      (await referentOr.get(`/api/v1/incoming/${registered.id}/files/${attached.fileId}/content`))
        .status,
    ).toBe(404);
  });

  it('tells who I am in which office, who has which roles, and who substitutes whom', async () => {
    const admin = await api.login('admin');
    const me = (await (await admin.get('/api/v1/me')).json()) as { officeName: string };
    expect(me.officeName).toBe('Urząd Miasta Demo');
    const people = (await (await admin.get('/api/v1/org/people')).json()) as Array<{
      login: string;
      roles: Array<{ role: string; scope: string }>;
    }>;
    expect(people.find((p) => p.login === 'kancelaria')?.roles).toEqual([
      expect.objectContaining({ role: 'kancelaria', scope: 'office' }),
    ]);
    const created = await admin.post('/api/v1/org/substitutions', {
      absentUserId: api.demo.people['referent.fn'],
      substituteUserId: api.demo.people['referent2.fn'],
      startsOn: '2026-03-02',
      endsOn: '2026-03-13',
    });
    expect(created.status).toBe(201);
    const list = (await (await admin.get('/api/v1/org/substitutions')).json()) as Array<{
      absentName: string;
      endsOn: string;
    }>;
    expect(list).toContainEqual(
      expect.objectContaining({ absentName: 'Joanna Dąbrowska', endsOn: '2026-03-13' }),
    );
  });

  it('lists the outgoing register of a year, for the kancelaria the whole office', async () => {
    const kancelaria = await api.login('kancelaria');
    const response = await kancelaria.get('/api/v1/outgoing?year=2026');
    expect(response.status).toBe(200);
    expect(Array.isArray(await response.json())).toBe(true);
    expect((await kancelaria.get('/api/v1/outgoing?year=abc')).status).toBe(400);
  });
});
