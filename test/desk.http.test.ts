import { describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { createDiskFileStore } from '../src/platform/files/file-store.ts';
import { buildIncoming, dispatchLetterByPost, openUnitCase } from './support/factories.ts';
import { useTestApi } from './support/http.ts';

const api = useTestApi();
const files = createDiskFileStore(path.join(os.tmpdir(), `obieg-desk-${process.pid}`), 1024 * 1024);

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
      allowedActions: string[];
    }>;
    const toFinance = waiting.find((a) => a.item.rpwNumber === registered.rpwNumber);
    // The unit's head receives it; changing it is for the kancelaria, who assigned it.
    expect(toFinance?.allowedActions).toEqual(['accept', 'return', 'forward']);
    const history = (await (
      await kancelaria.get(`/api/v1/incoming/${registered.id}/assignments`)
    ).json()) as Array<{ allowedActions: string[] }>;
    expect(history.map((a) => a.allowedActions)).toEqual([['change']]);
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

  it('tells each person what their roles allow at all, as the server’s policies say', async () => {
    const allowed = async (login: string) =>
      (
        (await (await (await api.login(login)).get('/api/v1/me')).json()) as {
          allowedActions: string[];
        }
      ).allowedActions;
    expect(await allowed('kancelaria')).toEqual([
      'incoming.read',
      'incoming.register',
      'ocr.view_quarantine',
      'outgoing.keep_register',
      'channels.view_queues',
    ]);
    expect(await allowed('referent.fn')).toEqual([
      'incoming.read',
      'assignments.receive',
      'cases.read',
      'cases.work',
      'archive.request_access',
    ]);
    expect(await allowed('kierownik.fn')).toEqual(
      expect.arrayContaining([
        'cases.read_units',
        'cases.work',
        'assignments.receive',
        'archive.prepare_transfer',
      ]),
    );
    expect(await allowed('kierownik.fn')).not.toContain('archive.dispose');
    expect(await allowed('archiwista')).toEqual(
      expect.arrayContaining([
        'archive.decide_transfer',
        'archive.read_register',
        'archive.decide_access',
        'archive.dispose',
      ]),
    );
    expect(await allowed('archiwista')).not.toContain('archive.prepare_transfer');
    expect(await allowed('admin')).toEqual(
      expect.arrayContaining([
        'org.manage',
        'channels.manage_mailboxes',
        'signatures.manage_office',
      ]),
    );
    expect(await allowed('admin')).not.toContain('cases.read');
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

  it('lists the outgoing register of a year: the whole office for the kancelaria, its own for a unit', async () => {
    const office = {
      demo: api.demo,
      as: async (login: string) => ({
        db: api.database.db,
        clock: api.clock,
        actor: await api.demo.actor(login),
      }),
    };
    const fnCase = await openUnitCase(office, {
      unit: 'FN',
      handler: 'referent.fn',
      jrwaSymbol: '3110',
    });
    const orCase = await openUnitCase(
      office,
      { unit: 'OR', handler: 'referent.or', jrwaSymbol: '0561' },
      { title: 'Skarga na pracę urzędu' },
    );
    const fromFn = await dispatchLetterByPost(office, files, {
      caseId: fnCase.kase.id,
      handler: 'referent.fn',
      head: 'kierownik.fn',
      title: 'Decyzja w sprawie podatku',
    });
    const fromOr = await dispatchLetterByPost(office, files, {
      caseId: orCase.kase.id,
      handler: 'referent.or',
      head: 'kierownik.or',
      title: 'Odpowiedź na skargę',
    });
    const register = async (login: string) => {
      const response = await (await api.login(login)).get('/api/v1/outgoing?year=2026');
      expect(response.status).toBe(200);
      return ((await response.json()) as Array<{ rkwNumber: string }>).map((i) => i.rkwNumber);
    };

    const wholeOffice = await register('kancelaria');
    expect(wholeOffice).toEqual(expect.arrayContaining([fromFn.rkwNumber, fromOr.rkwNumber]));
    const finance = await register('referent.fn');
    expect(finance).toContain(fromFn.rkwNumber);
    expect(finance).not.toContain(fromOr.rkwNumber);
    expect((await (await api.login('kancelaria')).get('/api/v1/outgoing?year=abc')).status).toBe(
      400,
    );
  });
});
