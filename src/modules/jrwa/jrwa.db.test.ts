import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
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
});
