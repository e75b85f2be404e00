import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { closeCase } from '../case-closing/case-closing.usecases.ts';
import { openCase } from '../cases/cases.usecases.ts';
import { assignIncoming } from '../assignments/assignments.usecases.ts';
import { attachIncomingFile, registerIncoming } from '../incoming/incoming.usecases.ts';
import { buildIncoming } from '../../../test/support/factories.ts';
import { scannedLetter } from '../../../test/support/scanned-letter.ts';
import { runOcrWorker } from '../ocr/ocr.worker.ts';
import { searchHoldings } from './access.usecases.ts';
import {
  answerDisposalItems,
  executeDisposal,
  prepareDisposalList,
  recordDisposalConsent,
  setLegalHold,
  submitDisposalList,
} from './disposal.usecases.ts';
import { acceptTransfer, prepareTransfer, submitTransfer } from './transfers.usecases.ts';

const office = useDemoOffice('2025-03-03T09:00:00+01:00');
const fileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-disposal-files-'));
const files = createDiskFileStore(fileDir, 10 * 1024 * 1024);
afterAll(() => fs.rmSync(fileDir, { recursive: true, force: true }));

/**
 * Three cases of class 3010 (B5) closed in 2025, handed over in 2028: their period ends on
 * 1 January 2031 (5 full years from 1 January 2026).
 */
async function heldBudgetCases() {
  const referent = await office.as('referent.fn');
  const kancelaria = { ...(await office.as('kancelaria')), files };
  const ids: string[] = [];
  for (const title of ['Materiały do projektu budżetu', 'Korekta planu', 'Analiza wykonania']) {
    // The scanned letter that started the case is the content brakowanie destroys.
    const letter = await registerIncoming(
      kancelaria,
      buildIncoming({ title, receivedAt: '2025-03-03T08:00:00+01:00' }),
    );
    await attachIncomingFile(kancelaria, letter.id, {
      name: 'skan.txt',
      content: new TextEncoder().encode(`Pismo: ${title}. Treść do zniszczenia.`),
    });
    if (ids.length === 0) {
      // A scan, which OCR reads into text and a searchable PDF: copies brakowanie destroys too.
      const { png } = await scannedLetter(['Materiały do projektu budżetu', 'PESEL 44051401359']);
      await attachIncomingFile(kancelaria, letter.id, { name: 'skan.png', content: png });
    }
    await assignIncoming(kancelaria, letter.id, { userId: office.demo.people['referent.fn']! });
    const kase = await openCase(referent, {
      unitId: office.demo.units.FN,
      jrwaSymbol: '3010',
      title,
      incomingId: letter.id,
    });
    await closeCase(referent, kase.id);
    ids.push(kase.id);
  }
  await runOcrWorker(
    { db: office.database.db, clock: office.clock, files },
    {
      workers: 1,
      timeoutMs: 60_000,
      maxAttempts: 3,
      retryBaseMs: 60_000,
      dpi: 200,
      languages: 'pol+eng',
    },
  );
  office.clock.set('2028-01-10T09:00:00+01:00');
  const kierownik = await office.as('kierownik.fn');
  const transfer = await prepareTransfer(kierownik, {
    unitId: office.demo.units.FN,
    jrwaSymbol: '3010',
    caseYear: 2025,
  });
  await submitTransfer(kierownik, transfer.id);
  await acceptTransfer(await office.as('archiwista'), transfer.id, {});
  return ids;
}

describe('brakowanie: disposal of records with the state archive’s consent', () => {
  it('lists what is due, takes the commission’s answers and the consent, destroys after a second check, and keeps metadata and protocol', async () => {
    const [destroyed, onHold, keptByCommission] = await heldBudgetCases();
    const archivist = { ...(await office.as('archiwista')), files };

    office.clock.set('2030-12-31T09:00:00+01:00');
    await expect(prepareDisposalList(archivist, { year: 2030 })).rejects.toMatchObject({
      code: 'archive.nothing_due',
    });
    office.clock.set('2031-01-07T09:00:00+01:00');
    await expect(
      prepareDisposalList(await office.as('kierownik.fn'), { year: 2031 }),
    ).rejects.toMatchObject({ code: 'archive.forbidden' });
    const list = await prepareDisposalList(archivist, { year: 2031 });
    expect(list.sign).toBe('SDN/1/2031');
    expect(list.items.map((item) => [item.caseId, item.category, item.kind])).toEqual(
      expect.arrayContaining([
        [destroyed, 'B5', 'disposal'],
        [onHold, 'B5', 'disposal'],
        [keptByCommission, 'B5', 'disposal'],
      ]),
    );

    // No path skips a step: not before the commission answered, not before consent.
    await expect(submitDisposalList(archivist, list.id)).rejects.toMatchObject({
      code: 'archive.unanswered_items',
    });
    await expect(executeDisposal(archivist, list.id)).rejects.toMatchObject({
      code: 'archive.disposal_state',
    });
    await answerDisposalItems(archivist, list.id, {
      answers: [
        { caseId: destroyed!, answer: 'destroy' },
        { caseId: onHold!, answer: 'destroy' },
        { caseId: keptByCommission!, answer: 'keep', remarks: 'wartość historyczna' },
      ],
    });
    await submitDisposalList(archivist, list.id);
    await expect(executeDisposal(archivist, list.id)).rejects.toMatchObject({
      code: 'archive.disposal_state',
    });
    await recordDisposalConsent(
      archivist,
      list.id,
      { number: 'AP.4231.17.2031', date: '2031-02-20' },
      { name: 'zgoda-ap.pdf', content: new TextEncoder().encode('%PDF-1.4\nzgoda\n%%EOF\n') },
    );
    // A claim arrives after the consent: the second check at execution keeps the case.
    await setLegalHold(archivist, onHold!, { reason: 'postępowanie sądowe sygn. I C 12/31' });

    const documentFiles = await office.database.db
      .selectFrom('incoming_items')
      .innerJoin('incoming_files', 'incoming_files.incoming_id', 'incoming_items.id')
      .innerJoin('files', 'files.id', 'incoming_files.file_id')
      .select(['incoming_items.case_id', 'files.sha256'])
      .where('incoming_items.case_id', 'in', [destroyed!, onHold!, keptByCommission!])
      .execute();
    const shaOf = (caseId: string) => documentFiles.find((f) => f.case_id === caseId)!.sha256;

    const readingOf = (caseId: string) =>
      office.database.db
        .selectFrom('ocr_files')
        .innerJoin('incoming_items', 'incoming_items.id', 'ocr_files.incoming_id')
        .leftJoin('files', 'files.id', 'ocr_files.searchable_file_id')
        .select(['ocr_files.text', 'ocr_files.method', 'files.destroyed_at as copy_destroyed_at'])
        .where('incoming_items.case_id', '=', caseId)
        .orderBy('ocr_files.method')
        .execute();
    const proposalsOf = async (caseId: string) =>
      (
        await office.database.db
          .selectFrom('identifier_proposals')
          .innerJoin('incoming_items', 'incoming_items.id', 'identifier_proposals.incoming_id')
          .select('identifier_proposals.value')
          .where('incoming_items.case_id', '=', caseId)
          .execute()
      ).map((p) => p.value);
    expect(await proposalsOf(destroyed!)).toEqual(['44051401359']);
    expect((await readingOf(destroyed!)).map((r) => [r.method, r.text === null])).toEqual([
      ['ocr', false],
      ['text', false],
    ]);

    const executed = await executeDisposal(archivist, list.id);
    expect(executed.status).toBe('executed');
    expect(
      Object.fromEntries(
        executed.items.map((item) => [item.caseId, [item.outcome, item.outcomeReason]]),
      ),
    ).toEqual({
      [destroyed!]: ['destroyed', null],
      [onHold!]: ['kept', 'wstrzymanie brakowania: postępowanie sądowe sygn. I C 12/31'],
      [keptByCommission!]: ['kept', 'stanowisko komisji archiwalnej'],
    });

    // The content is gone; the file row, the case's metadata and its record remain.
    await expect(files.get(shaOf(destroyed!))).rejects.toMatchObject({ code: 'file.gone' });
    expect((await files.get(shaOf(onHold!))).toString()).toContain('Korekta planu');
    const file = await office.database.db
      .selectFrom('files')
      .select(['destroyed_at', 'original_name'])
      .where('sha256', '=', shaOf(destroyed!))
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ original_name: 'skan.txt', destroyed_at: expect.any(Date) });
    const [holding] = await searchHoldings(archivist, { q: 'Materiały do projektu' });
    expect(holding).toMatchObject({
      caseId: destroyed,
      sign: expect.stringMatching(/^FN\.3010\./),
    });
    const lastRow = await office.database.db
      .selectFrom('case_record_rows')
      .select(['action', 'description'])
      .where('case_id', '=', destroyed!)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(lastRow).toMatchObject({
      action: 'archive.case_destroyed',
      description: expect.stringContaining('AP.4231.17.2031'),
    });
    const indexed = await office.database.db
      .selectFrom('search_entries')
      .select('subject_type')
      .where('case_id', '=', destroyed!)
      .where('subject_type', 'in', ['document', 'incoming'])
      .execute();
    expect(indexed).toEqual([]);

    // What OCR read goes too: text, proposals, and the searchable copy of the scan.
    const readings = await readingOf(destroyed!);
    expect(readings.map((r) => r.text)).toEqual([null, null]);
    expect(readings[0]!.copy_destroyed_at).toEqual(expect.any(Date));
    expect(await proposalsOf(destroyed!)).toEqual([]);
    expect((await readingOf(onHold!)).map((r) => r.text)).toEqual([
      expect.stringContaining('Korekta'),
    ]);

    const protocolFile = await office.database.db
      .selectFrom('files')
      .select('sha256')
      .where('id', '=', executed.protocolFileId!)
      .executeTakeFirstOrThrow();
    const protocol = (await files.get(protocolFile.sha256)).toString();
    expect(protocol).toContain('PROTOKÓŁ ZNISZCZENIA DOKUMENTACJI NIEARCHIWALNEJ');
    expect(protocol).toContain('nr AP.4231.17.2031 z dnia 2031-02-20');
    expect(protocol).toMatch(/zniszczono \(\d+ plików\)/);

    // Once executed, the list cannot be executed again.
    await expect(executeDisposal(archivist, list.id)).rejects.toMatchObject({
      code: 'archive.disposal_state',
    });
  });
});
