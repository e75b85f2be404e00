/**
 * An official letter as an A4 PDF in the usual Polish layout: the letterhead (office, unit,
 * address) top left, "Miejscowość, dnia 27 listopada 2026 r." top right, "Znak sprawy" under the
 * letterhead, the addressee on the right, the body (markup of `letter-body.ts`) justified, the
 * signature block on the right after the text, and "Strona X z Y" at the foot of every page.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { parseLetterBody } from './letter-body.ts';
import { formatLetterDate } from './letter-date.ts';
import { embedLetterFonts, type LetterFonts } from './letter-fonts.ts';
import {
  CONTENT_WIDTH,
  drawTextIn,
  FULL_WIDTH,
  MARGIN,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  PageFlow,
  type Column,
  type TextStyle,
} from './page-flow.ts';
import { templateErrors } from './templates.errors.ts';

export interface Letter {
  office: { name: string; unit?: string; town: string; address?: string };
  sign: string;
  /** `YYYY-MM-DD`, the day in Poland the letter is dated. */
  date: string;
  /** `address` may hold several lines (`\n`). Internal documents (notes) have none. */
  addressee?: { name: string; address: string } | undefined;
  /** Document title, for the PDF metadata only: the body carries its own headings. */
  title?: string;
  /** Plain text: blank lines between paragraphs, `# ` starts a heading. */
  body: string;
  signature: { name: string; post: string };
}

export interface RenderLetterOptions {
  /** Creation and modification date of the PDF; fixing it makes the output byte-for-byte stable. */
  creationDate?: Date;
}

type LetterStyles = ReturnType<typeof letterStyles>;

const GREY = rgb(0.35, 0.35, 0.35);
/** The addressee and the signature share the right-hand column. */
const RIGHT_COLUMN: Column = { x: MARGIN.left + CONTENT_WIDTH * 0.55, width: CONTENT_WIDTH * 0.45 };
/** Space kept between the office block and the date. */
const HEADER_GUTTER = 18;
/** Room left above the signature for a handwritten signature or seal. */
const SIGNATURE_ROOM = 30;

export async function renderLetterPdf(
  letter: Letter,
  options: RenderLetterOptions = {},
): Promise<Uint8Array> {
  assertLetterComplete(letter);
  const date = formatLetterDate(letter.date.trim());
  const doc = await PDFDocument.create({ updateMetadata: false });
  setMetadata(doc, letter, options.creationDate ?? new Date());
  const styles = letterStyles(await embedLetterFonts(doc));

  const flow = new PageFlow(doc, (page, index) =>
    index === 0
      ? PAGE_HEIGHT - MARGIN.top
      : drawContinuationHeader(page, letter.sign.trim(), styles.small),
  );
  writeHeader(flow, letter, date, styles);
  if (letter.addressee) writeAddressee(flow, letter.addressee, styles);
  flow.space(28);
  const signatureHeight = measureSignature(flow, letter.signature, styles);
  writeBody(flow, letter.body, styles, signatureHeight);
  writeSignature(flow, letter.signature, styles, signatureHeight);
  drawPageNumbers(flow.pages, styles.small);

  return doc.save({ useObjectStreams: false });
}

function letterStyles(fonts: LetterFonts) {
  const style = (
    font: 'regular' | 'bold',
    size: number,
    align: TextStyle['align'],
    extra: Partial<TextStyle> = {},
  ): TextStyle => ({ font: fonts[font], size, lineHeight: size * 1.35, align, ...extra });
  return {
    body: style('regular', 11, 'justify'),
    heading: style('bold', 11.5, 'center'),
    office: style('bold', 11, 'left'),
    unit: style('regular', 10, 'left'),
    officeAddress: style('regular', 9.5, 'left'),
    date: style('regular', 11, 'right'),
    sign: style('regular', 10, 'left'),
    addresseeName: style('bold', 11, 'left'),
    addressee: style('regular', 11, 'left'),
    signatureName: style('regular', 11, 'center'),
    signaturePost: style('regular', 9.5, 'center'),
    small: style('regular', 8.5, 'left', { color: GREY }),
  };
}

/** Letterhead on the left and the place and date on the right, both from the top margin. */
function writeHeader(flow: PageFlow, letter: Letter, date: string, styles: LetterStyles): void {
  const top = flow.y;
  const dateText = `${letter.office.town.trim()}, dnia ${date}`;
  const dateWidth = Math.min(
    styles.date.font.widthOfTextAtSize(dateText, styles.date.size),
    CONTENT_WIDTH * 0.5,
  );
  flow.write(dateText, styles.date, {
    x: MARGIN.left + CONTENT_WIDTH - dateWidth,
    width: dateWidth,
  });
  const dateBottom = flow.y;

  flow.y = top;
  const officeColumn: Column = {
    x: MARGIN.left,
    width: Math.min(CONTENT_WIDTH * 0.55, CONTENT_WIDTH - dateWidth - HEADER_GUTTER),
  };
  flow.write(letter.office.name.trim(), styles.office, officeColumn);
  const unit = letter.office.unit?.trim();
  if (unit) flow.write(unit, styles.unit, officeColumn);
  const address = letter.office.address?.trim();
  if (address) flow.write(address, styles.officeAddress, officeColumn);

  flow.y = Math.min(flow.y, dateBottom);
  flow.space(12);
  flow.write(`Znak sprawy: ${letter.sign.trim()}`, styles.sign, officeColumn);
}

function writeAddressee(
  flow: PageFlow,
  addressee: NonNullable<Letter['addressee']>,
  styles: LetterStyles,
) {
  flow.space(22);
  flow.write(addressee.name.trim(), styles.addresseeName, RIGHT_COLUMN);
  const address = addressee.address.trim();
  if (address) flow.write(address, styles.addressee, RIGHT_COLUMN);
}

/** `signatureHeight` is kept on the page of the last lines, so the signature is never alone. */
function writeBody(flow: PageFlow, body: string, styles: LetterStyles, signatureHeight: number) {
  const blocks = parseLetterBody(body);
  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      if (index > 0) flow.space(10);
      // A heading never ends a page: it needs room for itself and two lines of what follows.
      flow.keepSpace(flow.measureHeight(block.text, styles.heading) + 2 * styles.body.lineHeight);
      flow.write(block.text, styles.heading);
      flow.space(4);
      return;
    }
    if (index > 0) flow.space(6);
    const isLast = index === blocks.length - 1;
    flow.write(block.lines.join('\n'), styles.body, FULL_WIDTH, isLast ? signatureHeight : 0);
  });
}

function measureSignature(flow: PageFlow, signature: Letter['signature'], styles: LetterStyles) {
  const post = signature.post.trim();
  return (
    SIGNATURE_ROOM +
    flow.measureHeight(signature.name.trim(), styles.signatureName, RIGHT_COLUMN) +
    (post ? flow.measureHeight(post, styles.signaturePost, RIGHT_COLUMN) : 0)
  );
}

/** Name and post centred in the right-hand column, kept together on one page. */
function writeSignature(
  flow: PageFlow,
  signature: Letter['signature'],
  styles: LetterStyles,
  height: number,
) {
  flow.keepSpace(height);
  flow.space(SIGNATURE_ROOM);
  flow.write(signature.name.trim(), styles.signatureName, RIGHT_COLUMN);
  const post = signature.post.trim();
  if (post) flow.write(post, styles.signaturePost, RIGHT_COLUMN);
}

/** Pages after the first repeat the case sign, so a loose page can be put back in its case. */
function drawContinuationHeader(page: PDFPage, sign: string, style: TextStyle): number {
  const baseline = PAGE_HEIGHT - MARGIN.top - style.size;
  drawTextIn(page, `Znak sprawy: ${sign}`, {
    x: MARGIN.left,
    y: baseline,
    size: style.size,
    font: style.font,
    color: style.color,
  });
  return baseline - 18;
}

function drawPageNumbers(pages: PDFPage[], style: TextStyle): void {
  pages.forEach((page, index) => {
    const text = `Strona ${index + 1} z ${pages.length}`;
    const width = style.font.widthOfTextAtSize(text, style.size);
    drawTextIn(page, text, {
      x: (PAGE_WIDTH - width) / 2,
      y: MARGIN.bottom / 2,
      size: style.size,
      font: style.font,
      color: style.color,
    });
  });
}

function setMetadata(doc: PDFDocument, letter: Letter, date: Date): void {
  doc.setTitle(letter.title?.trim() || `Pismo ${letter.sign.trim()}`);
  doc.setSubject(`Znak sprawy: ${letter.sign.trim()}`);
  doc.setAuthor(letter.office.name.trim());
  doc.setLanguage('pl-PL');
  doc.setCreator('Obieg');
  doc.setProducer('Obieg (pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

function assertLetterComplete(letter: Letter): void {
  const required: [string, string | undefined][] = [
    ['office.name', letter.office?.name],
    ['office.town', letter.office?.town],
    ['sign', letter.sign],
    ['date', letter.date],
    ...(letter.addressee ? [['addressee.name', letter.addressee.name] as [string, string]] : []),
    ['body', letter.body],
    ['signature.name', letter.signature?.name],
  ];
  const fields = required
    .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
    .map(([field]) => field);
  if (fields.length > 0) throw templateErrors.incompleteLetter({ fields });
}
