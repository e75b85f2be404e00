import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { childProcessEnvironment } from '../../config.ts';

/**
 * The OCR tools Debian installs (scripts/ensure-ocr.sh): tesseract with its Polish and English
 * data, and poppler-utils for PDFs. Each runs as a child process with a timeout (killed with
 * SIGKILL when it is over) on files in a temporary directory removed afterwards.
 */
export interface OcrToolOptions {
  timeoutMs: number;
  languages: string;
  dpi: number;
}

export interface PageReading {
  text: string;
  /** Mean confidence (0-100) of the words tesseract read; null when it read none. */
  confidence: number | null;
  /** The page as a one-page PDF: the image with the recognised text invisible above it. */
  pdf: Uint8Array;
}

function run(command: string, args: string[], timeoutMs: number, cwd?: string) {
  return new Promise<{ stdout: string }>((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        // Tesseract's OpenMP threads would compete with the other workers for the cores: the
        // parallelism is the number of workers (OBIEG_OCR_WORKERS), one thread each.
        env: childProcessEnvironment({ OMP_THREAD_LIMIT: '1' }),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout });
        const killed = (error as { killed?: boolean }).killed;
        const reason = killed
          ? `${command}: przekroczono czas ${Math.round(timeoutMs / 1000)} s / timed out`
          : `${command}: ${(stderr || error.message).trim().split('\n').slice(-3).join(' ')}`;
        reject(new Error(reason.slice(0, 1000)));
      },
    );
  });
}

async function withTemporaryDirectory<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'obieg-ocr-'));
  try {
    return await work(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Pages of a PDF and the text of each page's text layer (empty for a scanned page). */
export async function readPdfTextLayer(
  pdf: Uint8Array,
  timeoutMs: number,
): Promise<{ pageCount: number; pages: string[] }> {
  return withTemporaryDirectory(async (dir) => {
    const input = path.join(dir, 'input.pdf');
    await fs.writeFile(input, pdf);
    // pdftotext ends each page with a form feed: one run gives the pages and their count.
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', input, '-'], timeoutMs);
    const pages = stdout.split('\f').slice(0, -1);
    const pageCount = pages.length;
    if (pageCount < 1) throw new Error('pdftotext: no pages');
    return { pageCount, pages };
  });
}

/** A page needs OCR when its text layer has (next to) no words. */
export const hasTextLayer = (pageText: string) => (pageText.match(/\p{L}/gu) ?? []).length >= 20;

/**
 * Reads one page with tesseract: an image as it is, or page `page` of a PDF rasterised by
 * pdftoppm at the configured resolution first.
 */
export async function ocrPage(
  content: Uint8Array,
  kind: { pdfPage: number } | { image: string },
  options: OcrToolOptions,
): Promise<PageReading> {
  return withTemporaryDirectory(async (dir) => {
    let image: string;
    if ('pdfPage' in kind) {
      const input = path.join(dir, 'input.pdf');
      await fs.writeFile(input, content);
      const page = String(kind.pdfPage);
      const args = ['-r', String(options.dpi), '-f', page, '-l', page, '-singlefile', '-png'];
      await run('pdftoppm', [...args, input, path.join(dir, 'page')], options.timeoutMs);
      image = path.join(dir, 'page.png');
    } else {
      image = path.join(dir, `input.${kind.image}`);
      await fs.writeFile(image, content);
    }
    const out = path.join(dir, 'out');
    await run(
      'tesseract',
      [image, out, '-l', options.languages, 'txt', 'tsv', 'pdf'],
      options.timeoutMs,
    );
    const [text, tsv, pdf] = await Promise.all([
      fs.readFile(`${out}.txt`, 'utf8'),
      fs.readFile(`${out}.tsv`, 'utf8'),
      fs.readFile(`${out}.pdf`),
    ]);
    return { text: text.trim(), confidence: meanWordConfidence(tsv), pdf: new Uint8Array(pdf) };
  });
}

/** Tesseract's TSV: level 5 rows are words, `conf` their confidence (-1 for non-words). */
export function meanWordConfidence(tsv: string): number | null {
  let sum = 0;
  let words = 0;
  for (const line of tsv.split('\n').slice(1)) {
    const cells = line.split('\t');
    if (cells[0] !== '5' || !cells[11]?.trim()) continue;
    const conf = Number(cells[10]);
    if (!Number.isFinite(conf) || conf < 0) continue;
    sum += conf;
    words += 1;
  }
  return words === 0 ? null : Math.round((sum / words) * 10) / 10;
}

/** Image types tesseract (leptonica) reads, with the file extension it expects. */
export const OCR_IMAGE_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'image/bmp': 'bmp',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * The searchable copy: page by page, tesseract's page where the page was read by OCR, the
 * original's page where it had a text layer of its own. A new PDF; the original is untouched.
 */
export async function mergeSearchablePdf(
  pages: Array<{ pdf: Uint8Array } | { originalPage: number }>,
  original: Uint8Array | null,
): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const merged = await PDFDocument.create();
  merged.setProducer('Obieg (tesseract OCR)');
  const source = original ? await PDFDocument.load(original, { ignoreEncryption: true }) : null;
  for (const page of pages) {
    if ('pdf' in page) {
      const doc = await PDFDocument.load(page.pdf);
      const [copied] = await merged.copyPages(doc, [0]);
      merged.addPage(copied);
    } else if (source) {
      const [copied] = await merged.copyPages(source, [page.originalPage - 1]);
      merged.addPage(copied);
    }
  }
  return merged.save();
}
