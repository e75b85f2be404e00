import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/http.ts';

/** The auditor's sub-case across a year boundary, through the API (the example of docs/legal.md). */
const api = useTestApi();

const WYKAZ = [
  'symbol\ttitle\tcategory\tremarks\tlevel\tis_leaf',
  '0\tZARZĄDZANIE GMINĄ\t\t\t1\t0',
  '00\tOrgany gminy\t\t\t2\t0',
  '000\tRada gminy\t\t\t3\t0',
  '0003\tSesje rady gminy\tA\t\t4\t1',
].join('\n');

describe('sub-cases through the API', () => {
  it('parent OR.0003.5.2025, first sub-case opened in 2026 → OR.0003.5.1.2026, numbered per parent and year', async () => {
    api.clock.set('2025-10-01T09:00:00+02:00');
    const admin = await api.login('admin');
    const imported = await admin.post('/api/v1/jrwa/versions', {
      name: 'Wykaz akt 2025',
      adoptedOn: '2025-01-01',
      text: WYKAZ,
    });
    expect(imported.status).toBe(201);
    const referent = await api.login('referent.or');
    const open = async (title: string) => {
      const response = await referent.post('/api/v1/cases', {
        unitId: api.demo.units.OR,
        jrwaSymbol: '0003',
        title,
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; sign: string };
    };
    for (const n of [1, 2, 3, 4]) await open(`Sesja nr ${n}`);
    const parent = await open('Sesja budżetowa');
    expect(parent.sign).toBe('OR.0003.5.2025');

    api.clock.set('2026-01-05T09:00:00+01:00');
    const nextYear = await api.login('referent.or');
    const sub = async (title: string) => {
      const response = await nextYear.post(`/api/v1/cases/${parent.id}/sub-cases`, { title });
      expect(response.status).toBe(201);
      return ((await response.json()) as { sign: string }).sign;
    };
    expect(await sub('Opinia RIO')).toBe('OR.0003.5.1.2026');
    expect(await sub('Autopoprawki')).toBe('OR.0003.5.2.2026');
    const shown = (await (await nextYear.get(`/api/v1/cases/${parent.id}`)).json()) as {
      sign: string;
    };
    expect(shown.sign).toBe('OR.0003.5.2025');
  });
});
