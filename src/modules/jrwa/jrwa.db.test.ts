import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { closeCase } from '../case-closing/case-closing.usecases.ts';
import { getCase, openCase } from '../cases/cases.usecases.ts';
import { getCaseRecord } from '../cases/case-record.usecases.ts';
import { listHomeUnits, setHomeUnitClasses } from './jrwa-home-units.usecases.ts';
import { importJrwa, listJrwaClasses, listJrwaVersions } from './jrwa.usecases.ts';

const office = useDemoOffice();
const read = (relative: string) => fs.readFileSync(new URL(relative, import.meta.url), 'utf8');

describe('JRWA import', () => {
  it('imports the 2011-format wykaz with its defect report, row by row', async () => {
    const admin = await office.as('admin');
    const report = await importJrwa(admin, {
      name: 'JRWA 2011 (test)',
      adoptedOn: '2026-06-01',
      text: read('../../../test/fixtures/jrwa-urzad-wojewodzki-2011.tsv'),
    });
    expect(report.format).toBe('jrwa-2011');
    expect(report.classCount).toBe(1258);
    const leavesWithoutCategory = report.defects
      .filter((d) => d.code === 'leaf_without_category')
      .map((d) => d.symbol);
    expect(leavesWithoutCategory).toEqual(expect.arrayContaining(['800', '8513']));
    expect(report.defects.every((d) => d.lineNo > 3 && d.messagePl.length > 0)).toBe(true);
    const stored = (await listJrwaVersions(admin)).find((v) => v.id === report.versionId);
    expect(stored?.defects).toHaveLength(report.defects.length);
  });

  it('imported the demo (pre-2011) wykaz with categories normalised and its defects kept', async () => {
    const admin = await office.as('admin');
    const [demo] = (await listJrwaVersions(admin)).filter((v) => v.format === 'gmina-1999');
    expect(demo?.defects.map((d) => d.symbol)).toEqual(
      expect.arrayContaining(['0900', '1213', '43190', '51200']),
    );
    const classes = await listJrwaClasses(admin, { finalOnly: true, onDate: '2026-03-02' });
    expect(classes.find((c) => c.symbol === '3110')).toEqual({
      symbol: '3110',
      title: 'Podatek od nieruchomości',
      category: 'B10',
      categoryElsewhere: 'Bc',
      isFinal: true,
    });
    expect(classes.some((c) => c.category?.includes('-'))).toBe(false);
    expect(classes.every((c) => c.isFinal)).toBe(true);
  });

  it('keeps versions by adoption date: the newer wykaz applies from its date only', async () => {
    const admin = await office.as('admin');
    const before = await listJrwaClasses(admin, { finalOnly: true, onDate: '2026-05-31' });
    const after = await listJrwaClasses(admin, { finalOnly: true, onDate: '2026-06-01' });
    expect(before.some((c) => c.symbol === '3110')).toBe(true);
    expect(after.find((c) => c.symbol === '0010')?.title).toMatch(/Prezesa Rady Ministrów/);
  });

  it('refuses a second wykaz on the same date and an unknown format, writing nothing', async () => {
    const admin = await office.as('admin');
    await expect(
      importJrwa(admin, {
        name: 'x',
        adoptedOn: '2020-01-01',
        text: read('../../demo/data/jrwa-gmina-swinoujscie.tsv'),
      }),
    ).rejects.toMatchObject({ code: 'jrwa.version_exists' });
    await expect(
      importJrwa(admin, { name: 'x', adoptedOn: '2027-01-01', text: 'symbol;title\n1;A' }),
    ).rejects.toMatchObject({ code: 'jrwa.unrecognised_format' });
    await expect(
      importJrwa(await office.as('referent.or'), {
        name: 'x',
        adoptedOn: '2027-01-01',
        text: read('../../demo/data/jrwa-gmina-swinoujscie.tsv'),
      }),
    ).rejects.toMatchObject({ code: 'jrwa.forbidden' });
    expect(await listJrwaVersions(admin)).toHaveLength(2);
  });

  it('closes a case of a BE-5/Bc class in the home unit as BE5 (expert review, not disposal) and in another unit as Bc', async () => {
    const admin = await office.as('admin');
    // OR handles complaints (05: "obsługa prawna, skargi i wnioski"), so it owns 0561.
    await setHomeUnitClasses(admin, office.demo.units.OR, { symbols: ['05'] });
    expect(await listHomeUnits(admin)).toEqual([{ unitId: office.demo.units.OR, symbols: ['05'] }]);
    await expect(
      setHomeUnitClasses(await office.as('referent.or'), office.demo.units.OR, { symbols: [] }),
    ).rejects.toMatchObject({ code: 'jrwa.home_units_forbidden' });

    const inOr = await office.as('referent.or');
    const home = await openCase(inOr, {
      unitId: office.demo.units.OR,
      jrwaSymbol: '0561',
      title: 'Skarga na pracownika',
    });
    expect(await closeCase(inOr, home.id)).toMatchObject({
      archivalCategory: 'BE5',
      disposalFrom: null,
      expertReviewFrom: '2032-01-01',
    });
    expect(await getCase(inOr, home.id)).toMatchObject({
      archivalCategory: 'BE5',
      disposalFrom: null,
      expertReviewFrom: '2032-01-01',
    });
    const homeRow = (await getCaseRecord(inOr, home.id)).rows.at(-1)!;
    expect(homeRow.description).toContain('ekspertyza archiwum państwowego od 2032-01-01');
    expect(homeRow.description).not.toContain('brakowanie');

    // The same class in the Finance unit, which is not its home unit: "pozostałe komórki" → Bc.
    const inFn = await office.as('referent.fn');
    const elsewhere = await openCase(inFn, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '0561',
      title: 'Skarga przekazana do wiadomości',
    });
    expect(await closeCase(inFn, elsewhere.id)).toMatchObject({
      archivalCategory: 'Bc',
      disposalFrom: null,
      expertReviewFrom: null,
    });
    const row = (await getCaseRecord(inFn, elsewhere.id)).rows.at(-1)!;
    expect(row.description).toContain('kategoria archiwalna Bc');
    expect(row.description).toContain('innych niż macierzysta klasy 0561');
  });
});
