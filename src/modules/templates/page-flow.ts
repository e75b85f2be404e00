/**
 * Flowing wrapped text down A4 pages: a cursor that starts a new page when the next lines do not
 * fit, keeps at least two lines of a paragraph together at a page end or start (no orphans or
 * widows), and stretches justified lines between the margins.
 */
import { PageSizes, rgb, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { makeTextCleaner } from './letter-fonts.ts';
import { wrapText, type WrappedLine } from './text-wrap.ts';

export const MM = 72 / 25.4;
export const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
export const MARGIN = { top: 20 * MM, bottom: 22 * MM, left: 25 * MM, right: 20 * MM } as const;
export const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
export const BLACK = rgb(0, 0, 0);

export interface TextStyle {
  font: PDFFont;
  size: number;
  /** Distance between baselines. */
  lineHeight: number;
  align: 'left' | 'right' | 'center' | 'justify';
  color?: Color;
}

/** A horizontal band of the page that text is wrapped into. */
export interface Column {
  x: number;
  width: number;
}

export const FULL_WIDTH: Column = { x: MARGIN.left, width: CONTENT_WIDTH };

const currentFonts = new WeakMap<PDFPage, PDFFont>();

/**
 * `page.drawText` with a font, adding the font to the page's resources only when it changes:
 * pdf-lib's `drawText({ font })` registers a new resource key on every call, which bloats a
 * letter with a key per word.
 */
export function drawTextIn(
  page: PDFPage,
  text: string,
  options: { x: number; y: number; size: number; font: PDFFont; color?: Color | undefined },
): void {
  const { font, ...rest } = options;
  if (currentFonts.get(page) !== font) {
    page.setFont(font);
    currentFonts.set(page, font);
  }
  page.drawText(text, { ...rest, color: options.color ?? BLACK });
}

export class PageFlow {
  readonly pages: PDFPage[] = [];
  /** Top of the next line, in PDF points from the bottom of the page. */
  y = 0;
  /** Where text starts on the current page, below what `startPage` drew. */
  private pageTop = 0;
  private readonly cleaners = new Map<PDFFont, (text: string) => string>();

  constructor(
    private readonly doc: PDFDocument,
    /** Draws what repeats at the top of a new page and returns the y where text starts. */
    private readonly startPage: (page: PDFPage, pageIndex: number) => number,
  ) {
    this.addPage();
  }

  get page(): PDFPage {
    return this.pages[this.pages.length - 1]!;
  }

  addPage(): void {
    const page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(page);
    this.y = this.startPage(page, this.pages.length - 1);
    this.pageTop = this.y;
  }

  get atPageTop(): boolean {
    return this.y === this.pageTop;
  }

  /** Vertical space between blocks; dropped at the top of a page. */
  space(height: number): void {
    if (!this.atPageTop) this.y -= height;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  keepSpace(height: number): void {
    if (!this.atPageTop && this.y - height < MARGIN.bottom) this.addPage();
  }

  /** Text made drawable with the style's font, wrapped into the column. */
  wrap(text: string, style: TextStyle, column: Column): WrappedLine[] {
    const clean = this.cleanerFor(style.font);
    return wrapText(clean(text), column.width, (part) =>
      style.font.widthOfTextAtSize(part, style.size),
    );
  }

  /**
   * Draws wrapped lines, breaking pages between lines as needed. `keepWithNext` is the height of
   * what must follow on the same page as the last two lines (the signature after the last
   * paragraph), so it never stands alone on a page.
   */
  drawLines(lines: WrappedLine[], style: TextStyle, column: Column, keepWithNext = 0): void {
    let next = 0;
    while (next < lines.length) {
      const left = lines.length - next;
      const fitting = Math.floor((this.y - MARGIN.bottom + 0.01) / style.lineHeight);
      let take = Math.min(fitting, left);
      const followerFits = this.y - take * style.lineHeight - keepWithNext >= MARGIN.bottom;
      if (take === left && !followerFits && !this.atPageTop) take = Math.max(left - 2, 0);
      if (take < left) {
        if (left - take === 1) take -= 1; // no widow: a last line alone at the top of a page
        if (take === 1 && lines.length > 1) take = 0; // no orphan: a first line alone at the bottom
      }
      if (take <= 0 && this.atPageTop) take = 1; // a page always takes at least one line
      for (const line of lines.slice(next, next + take)) this.drawLine(line, style, column);
      next += Math.max(take, 0);
      if (next < lines.length) this.addPage();
    }
  }

  /** Wraps and draws `text`; each `\n` starts a new line. See `drawLines` for `keepWithNext`. */
  write(text: string, style: TextStyle, column: Column = FULL_WIDTH, keepWithNext = 0): void {
    const lines = text.split('\n').flatMap((line) => this.wrap(line, style, column));
    this.drawLines(lines, style, column, keepWithNext);
  }

  /** Height of `text` once wrapped, for keeping a block on one page. */
  measureHeight(text: string, style: TextStyle, column: Column = FULL_WIDTH): number {
    const count = text.split('\n').flatMap((line) => this.wrap(line, style, column)).length;
    return count * style.lineHeight;
  }

  private drawLine(line: WrappedLine, style: TextStyle, column: Column): void {
    const { font, size } = style;
    const color = style.color ?? BLACK;
    // The baseline sits a font size below the top of the line box; leading goes below it.
    const baseline = this.y - size;
    this.y -= style.lineHeight;

    if (style.align === 'justify' && line.justify && line.units.length > 1) {
      const widths = line.units.map((unit) => font.widthOfTextAtSize(unit, size));
      const gap =
        (column.width - widths.reduce((sum, width) => sum + width, 0)) / (line.units.length - 1);
      let x = column.x;
      line.units.forEach((unit, index) => {
        drawTextIn(this.page, unit, { x, y: baseline, size, font, color });
        x += widths[index]! + gap;
      });
      return;
    }
    const free = column.width - line.width;
    const offset = style.align === 'right' ? free : style.align === 'center' ? free / 2 : 0;
    drawTextIn(this.page, line.units.join(' '), {
      x: column.x + offset,
      y: baseline,
      size,
      font,
      color,
    });
  }

  private cleanerFor(font: PDFFont): (text: string) => string {
    let clean = this.cleaners.get(font);
    if (!clean) {
      clean = makeTextCleaner(font);
      this.cleaners.set(font, clean);
    }
    return clean;
  }
}
