import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { embedLetterFonts } from '../../src/modules/templates/letter-fonts.ts';

const run = promisify(execFile);

/**
 * A paper letter as the kancelaria's scanner makes it, for the OCR tests and the OCR bench:
 * the text is laid out in a PDF (DejaVu Sans, Polish letters), rasterised by pdftoppm to a PNG
 * (the "scan"), and that PNG wrapped in a PDF with no text layer (an image-only PDF).
 */
export async function renderLetterPdf(lines: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular } = await embedLetterFonts(doc);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) =>
    page.drawText(line, { x: 56, y: 780 - i * 22, size: 12, font: regular }),
  );
  return doc.save();
}

/** The first page of a PDF as a PNG at `dpi` (pdftoppm from poppler-utils). */
export async function rasterisePdf(pdf: Uint8Array, dpi = 200): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'obieg-scan-'));
  try {
    await fs.writeFile(path.join(dir, 'letter.pdf'), pdf);
    await run(
      'pdftoppm',
      ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', '-png', 'letter.pdf', 'scan'],
      {
        cwd: dir,
      },
    );
    return new Uint8Array(await fs.readFile(path.join(dir, 'scan.png')));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** PNG pages wrapped in a PDF with no text at all: what a scanner's "scan to PDF" produces. */
export async function imageOnlyPdf(pngs: readonly Uint8Array[], dpi = 200): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const image = await doc.embedPng(png);
    const width = (image.width * 72) / dpi;
    const height = (image.height * 72) / dpi;
    doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return doc.save();
}

export async function scannedLetter(lines: readonly string[], dpi = 200) {
  const png = await rasterisePdf(await renderLetterPdf(lines), dpi);
  return { png, pdf: await imageOnlyPdf([png], dpi) };
}
