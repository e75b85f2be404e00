import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { useDemoOffice } from '../../../test/support/context.ts';
import { buildIncoming, openFnCase } from '../../../test/support/factories.ts';
import {
  imageOnlyPdf,
  rasterisePdf,
  renderLetterPdf,
} from '../../../test/support/scanned-letter.ts';
import { createDiskFileStore } from '../../platform/files/file-store.ts';
import { addDocument } from '../documents/documents.usecases.ts';
import { registerIncomingWithFiles } from '../incoming/incoming.usecases.ts';
import { runSearchIndexer } from '../search/search-indexer.ts';
import { searchEverything } from '../search/search.usecases.ts';
import { ocrPage } from './ocr-tools.ts';
import { getLetterReading } from './ocr.usecases.ts';
import { runOcrWorker, type OcrOptions } from './ocr.worker.ts';

const office = useDemoOffice();
const files = createDiskFileStore(path.join(os.tmpdir(), `obieg-ocr-${process.pid}`), 8 << 20);
const options: OcrOptions = {
  workers: 1,
  timeoutMs: 60_000,
  maxAttempts: 3,
  retryBaseMs: 60_000,
  dpi: 200,
  languages: 'pol+eng',
};
const ocr = () => runOcrWorker({ db: office.database.db, clock: office.clock, files }, options);
const run = promisify(execFile);

async function register(name: string, content: Uint8Array) {
  const kancelaria = { ...(await office.as('kancelaria')), files };
  return registerIncomingWithFiles(kancelaria, buildIncoming({ title: name }), [{ name, content }]);
}

describe('reading the text of a letter’s files', () => {
  it('takes a PDF’s text layer as it is, without OCR, and proposes its identifiers', async () => {
    const pdf = await renderLetterPdf(['Wniosek o zwrot nadpłaty', 'PESEL 02270803624']);
    const letter = await register('wniosek.pdf', pdf);
    await ocr();
    const kancelaria = await office.as('kancelaria');
    const reading = await getLetterReading(kancelaria, letter.id);
    expect(reading.files).toMatchObject([
      {
        status: 'done',
        method: 'text_layer',
        pageCount: 1,
        confidence: null,
        searchableFileId: null,
      },
    ]);
    expect(reading.files[0]!.pages).toMatchObject([{ source: 'text_layer', attempts: 0 }]);
    expect(reading.proposals.map((p) => `${p.kind} ${p.value}`)).toEqual(['pesel 02270803624']);
    // Nothing new for the search index, which reads text layers itself: no event.
    const events = await office.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', letter.id)
      .execute();
    expect(events.map((e) => e.action)).not.toContain('ocr.finished');
  });

  it('reads only the scanned page of a mixed PDF and keeps the text page in the searchable copy', async () => {
    const textPage = await renderLetterPdf(['Pierwsza strona z warstwą tekstową', 'ogrodzenie']);
    const scan = await imageOnlyPdf([
      await rasterisePdf(await renderLetterPdf(['Druga strona zeskanowana', 'Kalendarz'])),
    ]);
    const mixed = await PDFDocument.create();
    for (const source of [textPage, scan]) {
      const doc = await PDFDocument.load(source);
      const [page] = await mixed.copyPages(doc, [0]);
      mixed.addPage(page);
    }
    const letter = await register('mieszany.pdf', await mixed.save());
    await ocr();
    const reading = await getLetterReading(await office.as('kancelaria'), letter.id);
    expect(reading.files).toMatchObject([{ status: 'done', method: 'ocr', pageCount: 2 }]);
    expect(reading.files[0]!.pages.map((p) => p.source)).toEqual(['text_layer', 'ocr']);
    const row = await office.database.db
      .selectFrom('files')
      .select('sha256')
      .where('id', '=', reading.files[0]!.searchableFileId!)
      .executeTakeFirstOrThrow();
    const searchable = await files.get(row.sha256);
    expect((await PDFDocument.load(searchable)).getPageCount()).toBe(2);
    const text = await pdfText(searchable);
    expect(text).toContain('ogrodzenie');
    expect(text).toContain('Kalendarz');
  });

  it('makes a scanned document of a case findable by a word of its text', async () => {
    const { kase } = await openFnCase({ ...office, as: office.as });
    const referent = { ...(await office.as('referent.fn')), files };
    const scan = await rasterisePdf(
      await renderLetterPdf(['Protokół oględzin nieruchomości', 'stwierdzono zawilgocenie']),
    );
    const document = await addDocument(
      referent,
      kase.id,
      { kind: 'note', title: 'Protokół (skan)' },
      { name: 'protokol.png', content: scan },
    );
    await ocr();
    await runSearchIndexer({ db: office.database.db, clock: office.clock, files });
    const hits = await searchEverything(referent, { q: 'zawilgocenie' });
    expect(hits.map((h) => [h.type, h.id])).toEqual([['document', document.id]]);
  });

  it('proposes case signs and RPW numbers only when they name a case or letter of this office', async () => {
    const { kase, letter: first } = await openFnCase({ ...office, as: office.as });
    const earlier = await office.database.db
      .selectFrom('incoming_items')
      .select('rpw_sign')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    const text = [
      `Dotyczy sprawy ${kase.sign} oraz pisma ${earlier.rpw_sign}.`,
      'Nie ma sprawy FN.3110.999.2026 ani pisma RPW/9999/2026; XY.3110.1.2026 to znak innego urzędu.',
      'Firma: REGON 123456785, KRS 0000123456, e-mail biuro@example.pl, NIP 123-456-32-19 (błędny).',
    ].join('\n');
    const letter = await register('pismo.txt', new TextEncoder().encode(text));
    await ocr();
    const { proposals } = await getLetterReading(await office.as('kancelaria'), letter.id);
    expect(proposals.map((p) => `${p.kind} ${p.value}`).sort()).toEqual(
      [
        `case_sign ${kase.sign}`,
        'email biuro@example.pl',
        'krs 0000123456',
        'regon 123456785',
        `rpw ${earlier.rpw_sign}`,
      ].sort(),
    );
    const rpw = proposals.find((p) => p.kind === 'rpw')!;
    expect(rpw).toMatchObject({
      relatedLetter: { id: first.id, rpwNumber: earlier.rpw_sign },
      relatedCase: { id: kase.id, sign: kase.sign },
    });
  });

  it('kills tesseract when a page runs over its time', async () => {
    const scan = await rasterisePdf(await renderLetterPdf(['Za długo']));
    await expect(ocrPage(scan, { image: 'png' }, { ...options, timeoutMs: 5 })).rejects.toThrow(
      /przekroczono czas/,
    );
  });
});

async function pdfText(pdf: Uint8Array) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'obieg-ocr-text-'));
  try {
    await fs.writeFile(path.join(dir, 'in.pdf'), pdf);
    return (await run('pdftotext', [path.join(dir, 'in.pdf'), '-'])).stdout;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
