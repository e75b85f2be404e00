import { normaliseCategory } from './jrwa-category.ts';

export type JrwaFormat = 'gmina-1999' | 'jrwa-2011';

export interface ParsedJrwaClass {
  symbol: string;
  title: string;
  category: string | null;
  categoryElsewhere: string | null;
  remarks: string | null;
  isFinal: boolean;
  lineNo: number;
}

export type JrwaDefectCode =
  | 'malformed_row'
  | 'invalid_symbol'
  | 'duplicate_symbol'
  | 'missing_parent'
  | 'leaf_without_category'
  | 'unknown_category'
  | 'leaf_flag_mismatch';

export interface JrwaDefect {
  lineNo: number;
  symbol: string | null;
  code: JrwaDefectCode;
  message: string;
  messagePl: string;
}

export interface ParsedJrwa {
  format: JrwaFormat;
  classes: ParsedJrwaClass[];
  defects: JrwaDefect[];
}

const HEADERS: Record<JrwaFormat, string> = {
  'gmina-1999': 'symbol\ttitle\tcategory_in_the_unit\tcategory_elsewhere\tremarks\tlevel\tis_leaf',
  'jrwa-2011': 'symbol\ttitle\tcategory\tremarks\tlevel\tis_leaf',
};

/**
 * Reads a wykaz akt in one of the two tab-separated formats (pre-2011 gmina wykaz with two
 * categories; 2011 wykaz with one). Every defective row is reported with its line number. A
 * duplicate symbol is reported and its later occurrence is not imported (a version cannot hold
 * one symbol twice), and so is a row without a valid symbol or with the wrong number of columns;
 * every other defective row is imported as it stands, flagged.
 */
export function parseJrwa(text: string): ParsedJrwa {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  const header = lines[headerIndex]?.trimEnd();
  const format = (Object.keys(HEADERS) as JrwaFormat[]).find((f) => HEADERS[f] === header);
  if (!format) throw new JrwaFormatError(headerIndex + 1, header ?? '');
  const columns = HEADERS[format].split('\t').length;

  const defects: JrwaDefect[] = [];
  const classes: ParsedJrwaClass[] = [];
  const bySymbol = new Map<string, ParsedJrwaClass>();
  const declaredLeaf = new Map<string, boolean>();
  const report = (
    lineNo: number,
    symbol: string | null,
    code: JrwaDefectCode,
    message: string,
    messagePl: string,
  ) => defects.push({ lineNo, symbol, code, message, messagePl });

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (index <= headerIndex || line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (cells.length !== columns) {
      report(
        lineNo,
        null,
        'malformed_row',
        `Expected ${columns} columns, found ${cells.length}.`,
        `Oczekiwano ${columns} kolumn, jest ${cells.length}.`,
      );
      return;
    }
    const [symbol = '', title = ''] = cells.map((cell) => cell.trim());
    const rawCategory = cells[2] ?? '';
    const rawElsewhere = format === 'gmina-1999' ? (cells[3] ?? '') : '';
    const remarks = (format === 'gmina-1999' ? cells[4] : cells[3])?.trim() || null;
    const isLeafFlag = cells[columns - 1]?.trim() === '1';

    if (!/^\d{1,6}$/.test(symbol)) {
      report(
        lineNo,
        symbol || null,
        'invalid_symbol',
        `"${symbol}" is not a JRWA symbol (digits only).`,
        `„${symbol}” nie jest symbolem JRWA (tylko cyfry).`,
      );
      return;
    }
    const earlier = bySymbol.get(symbol);
    if (earlier) {
      report(
        lineNo,
        symbol,
        'duplicate_symbol',
        `Symbol ${symbol} already defined on line ${earlier.lineNo}; this row was not imported.`,
        `Symbol ${symbol} zdefiniowano już w wierszu ${earlier.lineNo}; tego wiersza nie zaimportowano.`,
      );
      return;
    }
    const category = parseCategory(rawCategory, lineNo, symbol, report);
    const categoryElsewhere = parseCategory(rawElsewhere, lineNo, symbol, report);
    const parsed: ParsedJrwaClass = {
      symbol,
      title,
      category,
      categoryElsewhere,
      remarks,
      isFinal: false,
      lineNo,
    };
    bySymbol.set(symbol, parsed);
    declaredLeaf.set(symbol, isLeafFlag);
    classes.push(parsed);
  });

  // Final classes are derived from the tree (no child), not trusted from the file.
  const parents = new Set(classes.map((c) => c.symbol.slice(0, -1)));
  for (const jrwaClass of classes) {
    const parentSymbol = jrwaClass.symbol.slice(0, -1);
    if (parentSymbol && !bySymbol.has(parentSymbol)) {
      report(
        jrwaClass.lineNo,
        jrwaClass.symbol,
        'missing_parent',
        `Parent class ${parentSymbol} is missing.`,
        `Brak klasy nadrzędnej ${parentSymbol}.`,
      );
    }
    jrwaClass.isFinal = !parents.has(jrwaClass.symbol);
    if (jrwaClass.isFinal !== declaredLeaf.get(jrwaClass.symbol)) {
      report(
        jrwaClass.lineNo,
        jrwaClass.symbol,
        'leaf_flag_mismatch',
        `The file marks ${jrwaClass.symbol} as ${jrwaClass.isFinal ? 'non-final' : 'final'}, but the tree says otherwise.`,
        `Plik oznacza klasę ${jrwaClass.symbol} jako ${jrwaClass.isFinal ? 'niekońcową' : 'końcową'}, a drzewo wskazuje inaczej.`,
      );
    }
    if (jrwaClass.isFinal && jrwaClass.category === null) {
      report(
        jrwaClass.lineNo,
        jrwaClass.symbol,
        'leaf_without_category',
        `Final class ${jrwaClass.symbol} has no archival category; it cannot take cases until corrected.`,
        `Klasa końcowa ${jrwaClass.symbol} nie ma kategorii archiwalnej; nie można w niej zakładać spraw do czasu poprawienia wykazu.`,
      );
    }
  }
  defects.sort((a, b) => a.lineNo - b.lineNo);
  return { format, classes, defects };
}

function parseCategory(
  raw: string,
  lineNo: number,
  symbol: string,
  report: (lineNo: number, symbol: string, code: JrwaDefectCode, en: string, pl: string) => void,
): string | null {
  const result = normaliseCategory(raw);
  if (result.ok) return result.category;
  report(
    lineNo,
    symbol,
    'unknown_category',
    `Unknown archival category "${result.raw}".`,
    `Nieznana kategoria archiwalna „${result.raw}”.`,
  );
  return null;
}

export class JrwaFormatError extends Error {
  constructor(
    readonly lineNo: number,
    readonly header: string,
  ) {
    super(`Line ${lineNo}: unrecognised JRWA header "${header}"`);
  }
}
