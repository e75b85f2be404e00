/**
 * Word wrapping for letters, independent of the PDF library: text is measured through a callback.
 *
 * Polish typesetting keeps some words together on one line, which a plain greedy wrap would not:
 * one-letter words (a, i, o, u, w, z) and abbreviations such as "art.", "§", "nr" never end a line,
 * and "r." (after a year), "zł" and a dash never start one. Each such group is a `unit`.
 */
export type MeasureText = (text: string) => number;

export interface WrappedLine {
  /** Units of the line, drawn with one space between them (more when justified). */
  units: string[];
  /** Width of the units, each separated by one space. */
  width: number;
  /** False for the last line of a paragraph, which is never stretched. */
  justify: boolean;
}

const KEEP_WITH_NEXT = /^(?:[aiouwzAIOUWZ]|§+|nr|art\.|ust\.|pkt|lit\.|poz\.|ul\.|tel\.)$/;
const KEEP_WITH_PREVIOUS = /^(?:[–—]|r\.|zł|gr)[,;:.)]*$/;
/** A list marker opening the text ("1.", "a)", "–") stays with its first word. */
const LIST_MARKER = /^(?:[–—•-]|\d+[.)]|[a-z][.)])$/;
/** Rounding slack when a line fills the width exactly. */
const WIDTH_TOLERANCE = 0.001;

export function wrapText(text: string, maxWidth: number, measure: MeasureText): WrappedLine[] {
  const spaceWidth = measure(' ');
  const lines: WrappedLine[] = [];
  let units: string[] = [];
  let width = 0;

  for (const unit of toUnits(text).flatMap((unit) => fitUnit(unit, maxWidth, measure))) {
    const unitWidth = measure(unit);
    if (units.length > 0 && width + spaceWidth + unitWidth <= maxWidth + WIDTH_TOLERANCE) {
      units.push(unit);
      width += spaceWidth + unitWidth;
      continue;
    }
    if (units.length > 0) lines.push({ units, width, justify: true });
    units = [unit];
    width = unitWidth;
  }
  if (units.length > 0) lines.push({ units, width, justify: false });
  return lines;
}

/** Words joined into the groups that must stay on one line. */
export function toUnits(text: string): string[] {
  const units: string[] = [];
  let joinNext = false;
  for (const word of text.split(/[ \t\n\r]+/).filter((w) => w !== '')) {
    const last = units.length - 1;
    if (last >= 0 && (joinNext || KEEP_WITH_PREVIOUS.test(word))) units[last] += ` ${word}`;
    else units.push(word);
    joinNext = KEEP_WITH_NEXT.test(word) || (last < 0 && LIST_MARKER.test(word));
  }
  return units;
}

/** A unit wider than the line is split into its words, and a word wider than the line into pieces. */
function fitUnit(unit: string, maxWidth: number, measure: MeasureText): string[] {
  if (measure(unit) <= maxWidth + WIDTH_TOLERANCE) return [unit];
  const words = unit.split(' ');
  if (words.length > 1) return words.flatMap((word) => fitUnit(word, maxWidth, measure));
  return breakWord(unit, maxWidth, measure);
}

function breakWord(word: string, maxWidth: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece !== '' && measure(piece + character) > maxWidth + WIDTH_TOLERANCE) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
