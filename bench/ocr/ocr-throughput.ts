/**
 * `npm run bench:ocr -- [--pages N] [--pages-per-letter K] [--workers W] [--dpi D]`: OCR
 * throughput on this machine. N pages of generated Polish letters (about 25 lines each, DejaVu
 * Sans 11 pt) are rendered, rasterised at D dpi (300 by default, a scanner's usual setting) and
 * registered as scans — a PNG per letter, or an image-only PDF of K pages — in a demo office on
 * the embedded PostgreSQL in a temporary directory. Then the OCR worker runs as `serve` runs it
 * (W tesseract processes, default OBIEG_OCR_WORKERS' 1) until every letter is read: the report is
 * pages per minute, the time per page, the mean confidence and the share of the letters' words
 * found in the OCR text. Generation is not timed. A separate entry from `npm run bench`: OCR is
 * CPU-bound and has nothing to do with the HTTP load profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from '../../src/config.ts';
import { seedDemoOffice } from '../../src/demo/demo-office.ts';
import { registerIncomingWithFiles } from '../../src/modules/incoming/incoming.usecases.ts';
import { ocrOptions } from '../../src/modules/ocr/ocr.jobs.ts';
import { runOcrWorker } from '../../src/modules/ocr/ocr.worker.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openEmbedded } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { createDiskFileStore } from '../../src/platform/files/file-store.ts';
import { imageOnlyPdf, rasterisePdf, renderLetterPdf } from '../../test/support/scanned-letter.ts';
import { createRandom, type Random } from '../generator/random.ts';
import { personName, sender } from '../generator/polish-data.ts';
import { describeMachine } from '../machine.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '20' },
    'pages-per-letter': { type: 'string', default: '1' },
    workers: { type: 'string' },
    dpi: { type: 'string', default: '300' },
    seed: { type: 'string', default: '14' },
  },
});
const pages = Number(values.pages);
const perLetter = Number(values['pages-per-letter']);
const dpi = Number(values.dpi);
const settings = loadSettings();
const options = {
  ...ocrOptions(settings),
  dpi,
  ...(values.workers ? { workers: Number(values.workers) } : {}),
};
if (!(pages >= 1 && perLetter >= 1 && dpi >= 72))
  throw new Error('--pages, --pages-per-letter, --dpi');

const SENTENCES = [
  'Zwracam się z uprzejmą prośbą o wydanie zaświadczenia o niezaleganiu w podatkach lokalnych.',
  'Wniosek dotyczy nieruchomości położonej przy ulicy Ogrodowej, działka numer 124 obręb 7.',
  'W załączeniu przedkładam kopię aktu notarialnego oraz potwierdzenie uiszczenia opłaty skarbowej.',
  'Proszę o rozpatrzenie sprawy w terminie przewidzianym w przepisach Kodeksu postępowania administracyjnego.',
  'Jednocześnie informuję, że decyzja jest mi niezbędna do przedłożenia w banku w związku z kredytem.',
  'Mieszkańcy budynku skarżą się na uciążliwy hałas dobiegający z warsztatu w godzinach nocnych.',
  'Uprzejmie proszę o zezwolenie na usunięcie dwóch drzew gatunku klon rosnących na posesji.',
  'Drzewa zagrażają bezpieczeństwu, ich korzenie uszkodziły chodnik i fundamenty ogrodzenia.',
  'Niniejszym składam odwołanie od decyzji w sprawie wymiaru podatku od nieruchomości za rok bieżący.',
  'Wnoszę o przedłużenie terminu płatności raty podatku ze względu na trudną sytuację materialną.',
  'Uzasadniając wniosek, wskazuję na utratę pracy oraz konieczność utrzymania trojga dzieci.',
  'Proszę o udostępnienie informacji publicznej dotyczącej wydatków na remont drogi gminnej.',
];

function letterLines(random: Random): string[] {
  const from = sender(random);
  const lines = [
    `${from.address.town}, ${random.int(1, 28)} marca 2026 r.`,
    from.name,
    from.address.street,
    `${from.address.postalCode} ${from.address.town}`,
    '',
    'Urząd Miasta Demo',
    '',
  ];
  while (lines.length < 23) {
    // Sentences wrapped at about 85 characters, as a letter's lines are.
    let line = '';
    for (const word of random.pick(SENTENCES).split(' ')) {
      if (line.length + word.length > 85) {
        lines.push(line);
        line = '';
      }
      line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return [...lines, '', 'Z poważaniem', personName(random)];
}

const random = createRandom(Number(values.seed));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-bench-ocr-'));
fs.chmodSync(dir, 0o755);
const database = await openEmbedded(dir, { fsync: false });
try {
  await migrateToLatest(database.db);
  const files = createDiskFileStore(path.join(dir, 'files'), 100 * 1024 * 1024);
  const demo = await seedDemoOffice({ db: database.db, clock: systemClock });
  const kancelaria = {
    db: database.db,
    clock: systemClock,
    files,
    actor: await demo.actor('kancelaria'),
  };
  const letters = Math.ceil(pages / perLetter);
  const truth: string[] = [];
  const generated = performance.now();
  for (let letter = 0, page = 0; letter < letters; letter += 1) {
    const count = Math.min(perLetter, pages - page);
    const pngs: Uint8Array[] = [];
    for (let i = 0; i < count; i += 1, page += 1) {
      const lines = letterLines(random);
      truth.push(lines.join(' '));
      pngs.push(await rasterisePdf(await renderLetterPdf(lines), dpi));
    }
    const upload =
      count === 1 && perLetter === 1
        ? { name: 'skan.png', content: pngs[0]! }
        : { name: 'skan.pdf', content: await imageOnlyPdf(pngs, dpi) };
    await registerIncomingWithFiles(
      kancelaria,
      {
        title: `Pismo ${letter + 1} (skan)`,
        sender: { name: 'Nadawca', address: { town: 'Demo', country: 'Polska' } },
        receivedAt: new Date().toISOString(),
        channel: 'paper',
      },
      [upload],
    );
  }
  console.log(
    `${pages} pages in ${letters} letters generated at ${dpi} dpi in ${((performance.now() - generated) / 1000).toFixed(1)} s; OCR with ${options.workers} worker(s)…`,
  );

  const started = performance.now();
  let finished = 0;
  while (finished < letters) {
    const run = await runOcrWorker({ db: database.db, clock: systemClock, files }, options);
    finished += run.finished;
    if (run.pages === 0 && run.finished === 0 && run.planned === 0 && run.queued === 0) {
      throw new Error(`OCR stopped with ${letters - finished} letters unread (quarantine?)`);
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const read = await database.db
    .selectFrom('ocr_files')
    .select(['status', 'confidence', 'text', 'page_count'])
    .execute();
  const ocrText = read
    .map((r) => r.text ?? '')
    .join(' ')
    .toLowerCase();
  const words =
    truth
      .join(' ')
      .toLowerCase()
      .match(/\p{L}{4,}/gu) ?? [];
  const foundWords = words.filter((word) => ocrText.includes(word)).length;
  const confidences = read.flatMap((r) => (r.confidence === null ? [] : [r.confidence]));
  const result = {
    machine: describeMachine(),
    pages,
    letters,
    pagesPerLetter: perLetter,
    dpi,
    workers: options.workers,
    languages: options.languages,
    seconds: Math.round(seconds * 10) / 10,
    pagesPerMinute: Math.round((pages / seconds) * 60 * 10) / 10,
    secondsPerPage: Math.round((seconds / pages) * 100) / 100,
    meanConfidence:
      Math.round((confidences.reduce((a, b) => a + b, 0) / Math.max(1, confidences.length)) * 10) /
      10,
    wordsFound: Math.round((foundWords / Math.max(1, words.length)) * 1000) / 10,
    quarantined: read.filter((r) => r.status === 'quarantined').length,
  };
  console.log(
    `OCR: ${result.pagesPerMinute} pages/min (${result.secondsPerPage} s/page, ${result.workers} worker(s), ${dpi} dpi), ` +
      `mean confidence ${result.meanConfidence}%, ${result.wordsFound}% of the letters' words found, ${result.quarantined} quarantined`,
  );
  console.log(JSON.stringify(result));
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
