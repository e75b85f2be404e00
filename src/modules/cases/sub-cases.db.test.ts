import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { importJrwa } from '../jrwa/jrwa.usecases.ts';
import { getCaseList } from './case-list.usecases.ts';
import { getCase, openCase, openSubCase } from './cases.usecases.ts';

// A wykaz with class 0003, in force from 2025 in this file's office only.
const WYKAZ = [
  'symbol\ttitle\tcategory\tremarks\tlevel\tis_leaf',
  '0\tZARZĄDZANIE GMINĄ\t\t\t1\t0',
  '00\tOrgany gminy\t\t\t2\t0',
  '000\tRada gminy\t\t\t3\t0',
  '0003\tSesje rady gminy\tA\t\t4\t1',
].join('\n');

const office = useDemoOffice('2025-11-03T09:00:00+01:00');

describe('sub-cases (podteczki)', () => {
  it('carry the year in which they are opened, numbered per parent and year: parent OR.0003.5.2025, first sub-case in 2026 → OR.0003.5.1.2026', async () => {
    await importJrwa(await office.as('admin'), {
      name: 'Wykaz akt 2025',
      adoptedOn: '2025-01-01',
      text: WYKAZ,
    });
    const referent = await office.as('referent.or');
    const open = (title: string) =>
      openCase(referent, { unitId: office.demo.units.OR, jrwaSymbol: '0003', title });
    for (const n of [1, 2, 3, 4]) await open(`Sesja nr ${n}`);
    const parent = await open('Sesja budżetowa rady gminy');
    expect(parent.sign).toBe('OR.0003.5.2025');

    office.clock.set('2025-12-15T10:00:00+01:00');
    const in2025 = await openSubCase(referent, parent.id, { title: 'Projekt uchwały budżetowej' });
    expect(in2025.sign).toBe('OR.0003.5.1.2025');

    // The parent keeps its sign across the year boundary; its sub-cases take the new year and
    // are numbered from 1 again for it.
    office.clock.set('2026-01-05T10:00:00+01:00');
    const first2026 = await openSubCase(referent, parent.id, { title: 'Opinia RIO' });
    const second2026 = await openSubCase(referent, parent.id, { title: 'Autopoprawki' });
    expect([first2026.sign, second2026.sign]).toEqual(['OR.0003.5.1.2026', 'OR.0003.5.2.2026']);
    expect(await getCase(referent, first2026.id)).toMatchObject({
      year: 2026,
      parentCaseId: parent.id,
    });
    expect((await getCase(referent, parent.id)).sign).toBe('OR.0003.5.2025');

    // The case list (spis spraw) of 2025 keeps the sub-cases under their parent.
    const list = await getCaseList(await office.as('kierownik.or'), {
      year: 2025,
      unitId: office.demo.units.OR,
      jrwaSymbol: '0003',
    });
    expect(list.rows.map((r) => r.sign)).toEqual([
      'OR.0003.1.2025',
      'OR.0003.2.2025',
      'OR.0003.3.2025',
      'OR.0003.4.2025',
      'OR.0003.5.2025',
      'OR.0003.5.1.2025',
      'OR.0003.5.1.2026',
      'OR.0003.5.2.2026',
    ]);
    const list2026 = await getCaseList(await office.as('kierownik.or'), {
      year: 2026,
      unitId: office.demo.units.OR,
      jrwaSymbol: '0003',
    });
    expect(list2026.rows).toEqual([]);
  });
});
