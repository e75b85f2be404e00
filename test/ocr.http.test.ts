import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runOcrWorker, type OcrOptions } from '../src/modules/ocr/ocr.worker.ts';
import { runSearchIndexer } from '../src/modules/search/search-indexer.ts';
import { buildIncoming, openFnCaseOverHttp } from './support/factories.ts';
import { useTestApi, type Client } from './support/http.ts';
import { scannedLetter } from './support/scanned-letter.ts';

const api = useTestApi();
const options: OcrOptions = {
  workers: 1,
  timeoutMs: 60_000,
  maxAttempts: 3,
  retryBaseMs: 60_000,
  dpi: 200,
  languages: 'pol+eng',
};
const ocr = () =>
  runOcrWorker({ db: api.database.db, clock: api.clock, files: api.files }, options);
const index = () => runSearchIndexer({ db: api.database.db, clock: api.clock, files: api.files });

interface Reading {
  files: Array<{
    fileId: string;
    status: string;
    method: string | null;
    pageCount: number | null;
    confidence: number | null;
    searchableFileId: string | null;
    run: number;
    pages: Array<{ status: string; attempts: number; lastError: string | null }>;
  }>;
  proposals: Array<{
    id: string;
    kind: string;
    value: string;
    status: string;
    relatedCase: { id: string; sign: string } | null;
  }>;
  allowedActions: string[];
}

async function registerScan(client: Client, title: string, name: string, content: Uint8Array) {
  const form = new FormData();
  form.append('letter', JSON.stringify(buildIncoming({ title })));
  form.append('file', new File([content], name));
  const response = await api.app.request('/api/v1/incoming', {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${client.token}` },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; files: Array<{ fileId: string }> };
}

const reading = async (client: Client, id: string) => {
  const response = await client.get(`/api/v1/incoming/${id}/reading`);
  expect(response.status).toBe(200);
  return (await response.json()) as Reading;
};

const found = async (client: Client, q: string) =>
  (
    (await (await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json()) as Array<{
      id: string;
    }>
  ).map((hit) => hit.id);

describe('OCR of scanned letters', () => {
  it('makes a PNG scan and an image-only PDF findable by their words and proposes valid identifiers only', async () => {
    const kancelaria = await api.login('kancelaria');
    const referent = await api.login('referent.fn');
    const caseId = await openFnCaseOverHttp(api, referent);
    const { sign } = (await (await referent.get(`/api/v1/cases/${caseId}`)).json()) as {
      sign: string;
    };
    const pngLetter = await scannedLetter([
      'Urząd Miasta Demo',
      'Wniosek o zezwolenie na wycinkę drzew',
      'Wnioskodawca: Grzegorz Kowalczyk, PESEL 44051401359',
      'NIP 123-456-32-18',
      'Dla porządku: PESEL 44051401358 podano błędnie.',
      `Dotyczy sprawy ${sign}.`,
    ]);
    const pdfLetter = await scannedLetter([
      'Skarga na uciążliwy hałas z warsztatu samochodowego',
      'przy ulicy Ogrodowej, zgłaszana przez mieszkańców.',
    ]);
    const png = await registerScan(kancelaria, 'Wniosek (skan)', 'skan.png', pngLetter.png);
    const pdf = await registerScan(kancelaria, 'Skarga (skan PDF)', 'skan.pdf', pdfLetter.pdf);
    // Registration never waits for OCR: nothing is read until the worker runs.
    expect((await reading(kancelaria, png.id)).files).toEqual([]);

    expect(await ocr()).toMatchObject({ finished: 2 });
    await index();
    expect(await found(kancelaria, 'wycinkę')).toEqual([png.id]);
    expect(await found(kancelaria, 'warsztatu')).toEqual([pdf.id]);

    const pngReading = await reading(kancelaria, png.id);
    expect(pngReading.files).toMatchObject([
      { status: 'done', method: 'ocr', pageCount: 1, run: 1 },
    ]);
    expect(pngReading.files[0]!.confidence).toBeGreaterThan(70);
    expect(pngReading.allowedActions).toEqual(['rerun', 'decide']);
    const proposed = pngReading.proposals.map((p) => `${p.kind} ${p.value}`);
    expect(proposed).toEqual(
      expect.arrayContaining(['pesel 44051401359', 'nip 1234563218', `case_sign ${sign}`]),
    );
    expect(proposed).not.toContain('pesel 44051401358');
    expect(pngReading.proposals.find((p) => p.kind === 'case_sign')?.relatedCase).toEqual({
      id: caseId,
      sign,
    });

    // The searchable PDF is a new file beside the scan, with the text; the scan is unchanged.
    const pdfReading = await reading(kancelaria, pdf.id);
    expect(pdfReading.files).toMatchObject([{ status: 'done', method: 'ocr', pageCount: 1 }]);
    const searchable = await kancelaria.get(
      `/api/v1/incoming/${pdf.id}/reading/files/${pdf.files[0]!.fileId}/searchable-pdf`,
    );
    expect(searchable.status).toBe(200);
    expect(await pdfText(new Uint8Array(await searchable.arrayBuffer()))).toContain('warsztatu');
    const original = await kancelaria.get(
      `/api/v1/incoming/${pdf.id}/files/${pdf.files[0]!.fileId}/content`,
    );
    expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(pdfLetter.pdf))).toBe(true);
    expect(await pdfText(pdfLetter.pdf)).toBe('');

    // Accepting the PESEL makes it the sender's; the NIP is dismissed; a decision is final.
    const pesel = pngReading.proposals.find((p) => p.kind === 'pesel')!;
    const nip = pngReading.proposals.find((p) => p.kind === 'nip')!;
    const base = `/api/v1/incoming/${png.id}/proposals`;
    expect((await kancelaria.post(`${base}/${pesel.id}/accept`)).status).toBe(200);
    expect((await kancelaria.post(`${base}/${nip.id}/dismiss`)).status).toBe(200);
    const again = await kancelaria.post(`${base}/${nip.id}/accept`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'ocr.proposal_decided',
    );
    const letter = (await (await kancelaria.get(`/api/v1/incoming/${png.id}`)).json()) as {
      sender: { identifiers: Record<string, string> };
    };
    expect(letter.sender.identifiers).toEqual({ pesel: '44051401359' });

    // The case sign is accepted by the handler the letter is assigned to: it joins the case.
    await kancelaria.post(`/api/v1/incoming/${png.id}/assignments`, {
      userId: api.demo.people['referent.fn'],
    });
    const caseSign = pngReading.proposals.find((p) => p.kind === 'case_sign')!;
    // The kancelaria cannot see the case (cases' own check, in the same transaction).
    expect((await kancelaria.post(`${base}/${caseSign.id}/accept`)).status).toBe(404);
    expect((await referent.post(`${base}/${caseSign.id}/accept`)).status).toBe(200);
    const joined = (await (await kancelaria.get(`/api/v1/incoming/${png.id}`)).json()) as {
      caseId: string;
    };
    expect(joined.caseId).toBe(caseId);
    // The metryka carries what people did with the letter, not the recognition itself.
    const record = (await (await referent.get(`/api/v1/cases/${caseId}/record`)).json()) as {
      rows: Array<{ action: string }>;
    };
    const actions = record.rows.map((row) => row.action);
    expect(actions).toContain('incoming.registered');
    expect(actions).toContain('ocr.proposal_accepted');
    expect(actions).not.toContain('ocr.finished');

    // Re-run: read again from the first page, the decisions stay.
    const rerun = `/api/v1/incoming/${png.id}/reading/files/${png.files[0]!.fileId}/rerun`;
    expect((await kancelaria.post(rerun)).status).toBe(202);
    const busy = await kancelaria.post(rerun);
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('ocr.in_progress');
    expect((await reading(kancelaria, png.id)).files).toMatchObject([{ status: 'queued', run: 2 }]);
    expect(await ocr()).toMatchObject({ finished: 1 });
    const reread = await reading(kancelaria, png.id);
    expect(reread.files).toMatchObject([{ status: 'done', run: 2 }]);
    expect(reread.proposals.find((p) => p.kind === 'pesel')?.status).toBe('accepted');
    expect(reread.proposals.filter((p) => p.kind === 'pesel')).toHaveLength(1);

    // Another unit's clerk does not see the letter, nor its reading.
    const other = await api.login('referent.or');
    expect((await other.get(`/api/v1/incoming/${pdf.id}/reading`)).status).toBe(404);
  });

  it('quarantines a page that keeps failing after its retries with back-off, and reads it again on re-run', async () => {
    const kancelaria = await api.login('kancelaria');
    const { png } = await scannedLetter(['Uszkodzony skan']);
    // A PNG whose header is intact and whose image data is cut off.
    const corrupt = png.slice(0, 120);
    const letter = await registerScan(kancelaria, 'Uszkodzony skan', 'uszkodzony.png', corrupt);
    await ocr();
    let state = await reading(kancelaria, letter.id);
    expect(state.files).toMatchObject([
      { status: 'running', pages: [{ status: 'pending', attempts: 1 }] },
    ]);
    // Not due before its back-off (60 s, then 120 s).
    await ocr();
    expect((await reading(kancelaria, letter.id)).files[0]!.pages[0]!.attempts).toBe(1);
    api.clock.advance(61_000);
    await ocr();
    expect((await reading(kancelaria, letter.id)).files[0]!.pages[0]!.attempts).toBe(2);
    api.clock.advance(121_000);
    await ocr();
    state = await reading(kancelaria, letter.id);
    expect(state.files).toMatchObject([
      {
        status: 'quarantined',
        searchableFileId: null,
        pages: [{ status: 'quarantined', attempts: 3 }],
      },
    ]);
    expect(state.files[0]!.pages[0]!.lastError).toMatch(/tesseract/);

    // The office's quarantine list names it; a clerk without the kancelaria's role may not see it.
    const quarantine = (await (await kancelaria.get('/api/v1/ocr/quarantine')).json()) as Array<{
      incomingId: string;
      page: number;
    }>;
    expect(quarantine).toEqual([expect.objectContaining({ incomingId: letter.id, page: 1 })]);
    expect((await (await api.login('referent.fn')).get('/api/v1/ocr/quarantine')).status).toBe(403);

    const rerun = `/api/v1/incoming/${letter.id}/reading/files/${letter.files[0]!.fileId}/rerun`;
    expect((await kancelaria.post(rerun)).status).toBe(202);
    await ocr();
    expect((await reading(kancelaria, letter.id)).files).toMatchObject([
      { status: 'running', run: 2, pages: [{ status: 'pending', attempts: 1 }] },
    ]);
    expect(await (await kancelaria.get('/api/v1/ocr/quarantine')).json()).toEqual([]);
  });
});

const run = promisify(execFile);

async function pdfText(pdf: Uint8Array) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'obieg-ocr-test-'));
  try {
    await fs.writeFile(path.join(dir, 'in.pdf'), pdf);
    return (await run('pdftotext', [path.join(dir, 'in.pdf'), '-'])).stdout.trim();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
