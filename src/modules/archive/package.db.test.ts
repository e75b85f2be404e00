import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { closeCase } from '../case-closing/case-closing.usecases.ts';
import { openCase } from '../cases/cases.usecases.ts';
import { attachIncomingFile, registerIncoming } from '../incoming/incoming.usecases.ts';
import { checkArchivalPackage, type PackageFindingKind } from './package-check.ts';
import { exportArchivalPackage } from './package-export.usecases.ts';
import { acceptTransfer, prepareTransfer, submitTransfer } from './transfers.usecases.ts';

const office = useDemoOffice('2025-05-05T09:00:00+02:00');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-package-'));
const files = createDiskFileStore(path.join(work, 'files'), 10 * 1024 * 1024);
const exported = path.join(work, 'paczka');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Class 3011 (informacja o stanie mienia komunalnego) is category A: kept for ever. */
beforeAll(async () => {
  const kancelaria = { ...(await office.as('kancelaria')), files };
  const referent = await office.as('referent.fn');
  for (const title of ['Informacja o stanie mienia 2024', 'Korekta informacji o mieniu']) {
    const letter = await registerIncoming(
      kancelaria,
      buildIncoming({ title, receivedAt: '2025-05-05T08:00:00+02:00' }),
    );
    await attachIncomingFile(kancelaria, letter.id, {
      name: 'informacja.txt',
      content: new TextEncoder().encode(`${title}: zestawienie nieruchomości gminy.`),
    });
    await assignIncoming(kancelaria, letter.id, { userId: office.demo.people['referent.fn']! });
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3011',
      title,
      incomingId: letter.id,
    });
    await closeCase(referent, kase.id);
  }
  office.clock.set('2028-01-10T09:00:00+01:00');
  const kierownik = await office.as('kierownik.fn');
  const transfer = await prepareTransfer(kierownik, {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3011',
    caseYear: 2025,
  });
  await submitTransfer(kierownik, transfer.id);
  await acceptTransfer(await office.as('archiwista'), transfer.id, {});
});

/** A copy of the exported package, broken by `harm`, and the kinds its check reports. */
async function broken(name: string, harm: (dir: string) => void) {
  const copy = path.join(work, name);
  fs.cpSync(exported, copy, { recursive: true });
  harm(copy);
  return checkArchivalPackage(copy);
}
const kinds = (findings: Array<{ kind: PackageFindingKind }>) => [
  ...new Set(findings.map((f) => f.kind)),
];
const caseDir = (dir: string) => {
  const [first] = fs.readdirSync(path.join(dir, 'sprawy')).sort();
  return path.join(dir, 'sprawy', first!);
};
const edit = (file: string, change: (text: string) => string) =>
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));

describe('archival package for the state archive (category A) and its checker', () => {
  it('exports a class and year of held A records that its own checker passes', async () => {
    const result = await exportArchivalPackage(
      { ...(await office.as('archiwista')), files },
      { jrwaSymbol: '3011', year: 2025, directory: exported },
    );
    expect(result).toMatchObject({ cases: 2, findings: [] });
    const manifest = JSON.parse(fs.readFileSync(path.join(exported, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining([
        'spis.xml',
        expect.stringMatching(/^sprawy\/FN\.3011\.1\.2025\/metadane\.xml$/),
        expect.stringMatching(/^sprawy\/FN\.3011\.1\.2025\/metryka\.xml$/),
        expect.stringMatching(/^sprawy\/FN\.3011\.1\.2025\/dokumenty\/1-informacja\.txt$/),
      ]),
    );
    await expect(
      exportArchivalPackage(
        { ...(await office.as('archiwista')), files },
        { jrwaSymbol: '3011', year: 2025, directory: exported },
      ),
    ).rejects.toThrow(/EEXIST/);
  });

  it.each<[string, (dir: string) => void, PackageFindingKind[]]>([
    [
      'a missing file',
      (dir) => fs.rmSync(path.join(caseDir(dir), 'dokumenty', '1-informacja.txt')),
      ['file_missing', 'document_file_missing'],
    ],
    [
      'a changed byte',
      (dir) =>
        edit(path.join(caseDir(dir), 'dokumenty', '1-informacja.txt'), (t) =>
          t.replace('gminy', 'gminY'),
        ),
      ['hash_mismatch'],
    ],
    [
      'bytes added',
      (dir) => edit(path.join(dir, 'spis.xml'), (t) => `${t} `),
      ['hash_mismatch', 'size_mismatch'],
    ],
    [
      'a file not in the manifest',
      (dir) => fs.writeFileSync(path.join(caseDir(dir), 'notatka.txt'), 'x'),
      ['file_unlisted'],
    ],
    ['no manifest', (dir) => fs.rmSync(path.join(dir, 'manifest.json')), ['manifest_missing']],
    [
      'no metadata',
      (dir) => fs.rmSync(path.join(caseDir(dir), 'metadane.xml')),
      ['file_missing', 'metadata_missing'],
    ],
    [
      'metadata that does not parse',
      (dir) => edit(path.join(caseDir(dir), 'metadane.xml'), (t) => t.replace('</sprawa>', '')),
      ['hash_mismatch', 'size_mismatch', 'metadata_invalid'],
    ],
    [
      'a missing metadata field',
      (dir) =>
        edit(path.join(caseDir(dir), 'metadane.xml'), (t) =>
          t.replace(/<tworca>[^<]*<\/tworca>/, ''),
        ),
      ['hash_mismatch', 'size_mismatch', 'metadata_field_missing'],
    ],
    [
      'dates out of order',
      (dir) =>
        edit(path.join(caseDir(dir), 'metadane.xml'), (t) =>
          t.replace(/<dataZakonczenia>[^<]*</, '<dataZakonczenia>2024-01-01<'),
        ),
      ['hash_mismatch', 'date_inconsistent'],
    ],
    [
      'a category other than A',
      (dir) =>
        edit(path.join(caseDir(dir), 'metadane.xml'), (t) =>
          t.replace('<kategoriaArchiwalna>A<', '<kategoriaArchiwalna>B5<'),
        ),
      ['hash_mismatch', 'size_mismatch', 'category_not_permanent'],
    ],
    [
      'a broken record chain',
      (dir) => edit(path.join(caseDir(dir), 'metryka.xml'), (t) => t.replace(/<opis>/, '<opis>X')),
      ['hash_mismatch', 'size_mismatch', 'record_chain_broken'],
    ],
  ])('reports %s', async (name, harm, expected) => {
    const findings = await broken(name.replaceAll(' ', '-'), harm);
    expect(kinds(findings).sort()).toEqual([...expected].sort());
  });

  it('lists every finding of a package broken in several ways at once', async () => {
    const findings = await broken('many', (dir) => {
      fs.rmSync(path.join(caseDir(dir), 'dokumenty', '1-informacja.txt'));
      edit(path.join(caseDir(dir), 'metryka.xml'), (t) => t.replace(/<opis>/, '<opis>X'));
      fs.writeFileSync(path.join(dir, 'obcy.bin'), 'x');
    });
    expect(kinds(findings)).toEqual(
      expect.arrayContaining([
        'file_missing',
        'file_unlisted',
        'record_chain_broken',
        'hash_mismatch',
      ]),
    );
  });
});
