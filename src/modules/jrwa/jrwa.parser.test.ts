import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JrwaFormatError, parseJrwa, type JrwaDefect, type ParsedJrwa } from './jrwa.parser.ts';

const read = (relative: string) => fs.readFileSync(new URL(relative, import.meta.url), 'utf8');

const SWINOUJSCIE = read('../../demo/data/jrwa-gmina-swinoujscie.tsv');
const WOJEWODZKI_2011 = read('../../../test/fixtures/jrwa-urzad-wojewodzki-2011.tsv');

const HEADER_1999 =
  'symbol\ttitle\tcategory_in_the_unit\tcategory_elsewhere\tremarks\tlevel\tis_leaf';
const HEADER_2011 = 'symbol\ttitle\tcategory\tremarks\tlevel\tis_leaf';

/** A 2011-format row: symbol, title, category, remarks, level, is_leaf. */
const row2011 = (symbol: string, title: string, category: string, isLeaf: boolean) =>
  [symbol, title, category, '', String(symbol.length), isLeaf ? '1' : '0'].join('\t');

const wykaz2011 = (...rows: string[]) => [HEADER_2011, ...rows].join('\n');

/** Physical lines of the file, numbered from 1 as an editor shows them. */
const physicalLines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/);

/** Data rows: every non-blank, non-comment line after the header. */
function dataRows(text: string): string[] {
  const lines = physicalLines(text).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return lines.slice(1);
}

/** The line number (from 1) on which the file defines `symbol`, found by searching the text. */
function lineOf(text: string, symbol: string): number {
  const index = physicalLines(text).findIndex((line) => line.split('\t')[0] === symbol);
  if (index < 0) throw new Error(`symbol ${symbol} not in the file`);
  return index + 1;
}

const defectsOf = (parsed: ParsedJrwa, code: JrwaDefect['code']) =>
  parsed.defects.filter((defect) => defect.code === code);

const classOf = (parsed: ParsedJrwa, symbol: string) =>
  parsed.classes.find((jrwaClass) => jrwaClass.symbol === symbol);

function expectBilingualMessages(parsed: ParsedJrwa) {
  for (const defect of parsed.defects) {
    expect(defect.message, `line ${defect.lineNo}`).toEqual(expect.any(String));
    expect(defect.message.length).toBeGreaterThan(0);
    expect(defect.messagePl, `line ${defect.lineNo}`).toEqual(expect.any(String));
    expect(defect.messagePl.length).toBeGreaterThan(0);
  }
}

/** A class is final exactly when no other class in the wykaz extends it by one digit. */
function expectFinalityFromTree(parsed: ParsedJrwa) {
  const parents = new Set(parsed.classes.map((c) => c.symbol.slice(0, -1)));
  for (const jrwaClass of parsed.classes) {
    expect(jrwaClass.isFinal, jrwaClass.symbol).toBe(!parents.has(jrwaClass.symbol));
  }
}

describe('JRWA import of a real pre-2011 gmina wykaz (Świnoujście)', () => {
  const parsed = parseJrwa(SWINOUJSCIE);

  it('recognises the pre-2011 format with two archival categories', () => {
    expect(parsed.format).toBe('gmina-1999');
  });

  it('imports one class per data row, dropping none', () => {
    const rows = dataRows(SWINOUJSCIE);
    expect(rows.length).toBeGreaterThan(1000);
    expect(parsed.classes).toHaveLength(rows.length);
    expect(parsed.classes.map((c) => c.symbol)).toEqual(rows.map((r) => r.split('\t')[0]));
  });

  it('records for every class the line it was read from', () => {
    for (const symbol of ['00', '001', '0040', '3110']) {
      expect(classOf(parsed, symbol)?.lineNo).toBe(lineOf(SWINOUJSCIE, symbol));
    }
  });

  it('normalises hyphenated categories (B-10 → B10, BE-5 → BE5), leaving no hyphen', () => {
    expect(classOf(parsed, '3110')).toMatchObject({
      title: 'Podatek od nieruchomości',
      category: 'B10',
      categoryElsewhere: 'Bc',
      isFinal: true,
    });
    expect(classOf(parsed, '0040')).toMatchObject({ category: 'BE5', categoryElsewhere: 'Bc' });
    for (const jrwaClass of parsed.classes) {
      expect(jrwaClass.category ?? '', jrwaClass.symbol).not.toContain('-');
      expect(jrwaClass.categoryElsewhere ?? '', jrwaClass.symbol).not.toContain('-');
    }
    expect(defectsOf(parsed, 'unknown_category')).toEqual([]);
  });

  it('keeps the remarks column and reads an empty second category as none', () => {
    expect(classOf(parsed, '001')).toMatchObject({
      category: 'B5',
      categoryElsewhere: null,
      remarks: 'Postępowanie z dokumentacją wyborczą regulują odrębne przepisy',
    });
    expect(classOf(parsed, '0727')?.remarks).toBeNull();
  });

  it('reports every final class without a category, with its exact line number', () => {
    const symbols = ['0900', '1213', '1214', '2328', '2329', '405', '43190', '43231', '51200'];
    expect(
      defectsOf(parsed, 'leaf_without_category').map(({ lineNo, symbol }) => ({ lineNo, symbol })),
    ).toEqual(symbols.map((symbol) => ({ lineNo: lineOf(SWINOUJSCIE, symbol), symbol })));
  });

  it('still imports the final classes without a category, flagged rather than dropped', () => {
    expect(classOf(parsed, '0900')).toMatchObject({ isFinal: true, category: null });
  });

  it('reports classes whose parent class the wykaz skips (081, 090, 432, 433, 512)', () => {
    const missing = defectsOf(parsed, 'missing_parent');
    expect(new Set(missing.map((d) => d.symbol!.slice(0, -1)))).toEqual(
      new Set(['081', '090', '432', '433', '512']),
    );
    for (const defect of missing) {
      expect(defect.lineNo).toBe(lineOf(SWINOUJSCIE, defect.symbol!));
      expect(classOf(parsed, defect.symbol!)).toBeDefined();
    }
  });

  it('derives final classes from the tree, in agreement with the file', () => {
    expectFinalityFromTree(parsed);
    expect(classOf(parsed, '08')?.isFinal).toBe(false);
    expect(classOf(parsed, '080')?.isFinal).toBe(true);
    expect(defectsOf(parsed, 'leaf_flag_mismatch')).toEqual([]);
  });

  it('gives every defect an English and a Polish message', () => {
    expect(parsed.defects.length).toBeGreaterThan(0);
    expectBilingualMessages(parsed);
  });
});

describe('JRWA import of a real 2011-format wykaz (urząd wojewódzki)', () => {
  const parsed = parseJrwa(WOJEWODZKI_2011);

  it('recognises the 2011 format with one archival category', () => {
    expect(parsed.format).toBe('jrwa-2011');
  });

  it('imports one class per data row, dropping none', () => {
    const rows = dataRows(WOJEWODZKI_2011);
    expect(rows.length).toBeGreaterThan(1000);
    expect(parsed.classes).toHaveLength(rows.length);
  });

  it('reads the single category and the remarks, with no second category', () => {
    expect(classOf(parsed, '3110')).toMatchObject({
      title: 'Przygotowanie projektu budżetu',
      category: 'BE5',
      categoryElsewhere: null,
      remarks: 'między innymi materiały, projekty, korespondencja, uzgodnienia',
      isFinal: true,
      lineNo: lineOf(WOJEWODZKI_2011, '3110'),
    });
    expect(parsed.classes.every((c) => c.categoryElsewhere === null)).toBe(true);
    expect(parsed.classes.some((c) => c.category?.includes('-'))).toBe(false);
  });

  it('reports exactly its two final classes without a category (800, 8513), by line', () => {
    expect(parsed.defects.map(({ lineNo, symbol, code }) => ({ lineNo, symbol, code }))).toEqual([
      { lineNo: lineOf(WOJEWODZKI_2011, '800'), symbol: '800', code: 'leaf_without_category' },
      { lineNo: lineOf(WOJEWODZKI_2011, '8513'), symbol: '8513', code: 'leaf_without_category' },
    ]);
    expectBilingualMessages(parsed);
  });

  it('derives final classes from the tree', () => {
    expectFinalityFromTree(parsed);
    expect(classOf(parsed, '001')?.isFinal).toBe(false);
    expect(classOf(parsed, '0010')?.isFinal).toBe(true);
  });
});

describe('JRWA import defects, row by row', () => {
  it('reports a duplicate symbol on the later line, naming the first, and keeps only the first', () => {
    const parsed = parseJrwa(
      wykaz2011(
        row2011('0', 'Zarządzanie', '', false),
        row2011('00', 'Wojewoda', 'A', true),
        row2011('01', 'Organizacja', 'B5', true),
        row2011('00', 'Wojewoda (powtórzony)', 'B10', true),
      ),
    );
    const [duplicate, ...others] = defectsOf(parsed, 'duplicate_symbol');
    expect(others).toEqual([]);
    expect(duplicate).toMatchObject({ lineNo: 5, symbol: '00' });
    expect(duplicate?.message).toContain('line 3');
    expect(duplicate?.messagePl).toContain('3');
    expect(parsed.classes.filter((c) => c.symbol === '00')).toEqual([
      expect.objectContaining({ title: 'Wojewoda', category: 'A', lineNo: 3 }),
    ]);
    expect(parsed.classes).toHaveLength(3);
    expectBilingualMessages(parsed);
  });

  it('reports an unknown category and imports the class flagged, without a category', () => {
    const parsed = parseJrwa(
      wykaz2011(row2011('0', 'Zarządzanie', '', false), row2011('00', 'Wojewoda', 'X', true)),
    );
    const unknown = defectsOf(parsed, 'unknown_category');
    expect(unknown).toEqual([expect.objectContaining({ lineNo: 3, symbol: '00' })]);
    expect(unknown[0]?.message).toContain('X');
    expect(unknown[0]?.messagePl).toContain('X');
    expect(classOf(parsed, '00')).toMatchObject({ category: null, isFinal: true });
    expectBilingualMessages(parsed);
  });

  it('reports an unknown category in either column of a pre-2011 wykaz', () => {
    const parsed = parseJrwa(
      [
        HEADER_1999,
        ['0', 'Organy', '', '', '', '1', '0'].join('\t'),
        ['00', 'Przepisy', 'B-5', 'C5', '', '2', '1'].join('\t'),
      ].join('\n'),
    );
    expect(defectsOf(parsed, 'unknown_category')).toEqual([
      expect.objectContaining({ lineNo: 3, symbol: '00' }),
    ]);
    expect(classOf(parsed, '00')).toMatchObject({ category: 'B5', categoryElsewhere: null });
  });

  it('reports a class whose parent is missing and still imports it', () => {
    const parsed = parseJrwa(
      wykaz2011(row2011('0', 'Zarządzanie', '', false), row2011('000', 'Przepisy', 'A', true)),
    );
    const [missing, ...others] = defectsOf(parsed, 'missing_parent');
    expect(others).toEqual([]);
    expect(missing).toMatchObject({ lineNo: 3, symbol: '000' });
    expect(missing?.message).toContain('00');
    expect(classOf(parsed, '000')).toMatchObject({ isFinal: true, category: 'A' });
    expectBilingualMessages(parsed);
  });

  it.each([
    ['letters', 'A1', 'A1'],
    ['a dot', '0.1', '0.1'],
    ['an empty symbol', '', null],
    ['seven digits', '0123456', '0123456'],
  ])('reports an invalid symbol (%s) and does not import the row', (_, symbol, reported) => {
    const parsed = parseJrwa(
      wykaz2011(row2011('0', 'Zarządzanie', '', false), row2011(symbol, 'Coś', 'A', true)),
    );
    expect(defectsOf(parsed, 'invalid_symbol')).toEqual([
      expect.objectContaining({ lineNo: 3, symbol: reported }),
    ]);
    expect(parsed.classes.map((c) => c.symbol)).toEqual(['0']);
    expectBilingualMessages(parsed);
  });

  it('reports a row with the wrong number of columns as malformed, with the counts', () => {
    const parsed = parseJrwa(
      wykaz2011(
        row2011('0', 'Zarządzanie', '', false),
        '00\tWojewoda\tA\t2\t1',
        row2011('01', 'Organizacja', 'B5', true),
      ),
    );
    const malformed = defectsOf(parsed, 'malformed_row');
    expect(malformed).toEqual([expect.objectContaining({ lineNo: 3, symbol: null })]);
    expect(malformed[0]?.message).toContain('6');
    expect(malformed[0]?.message).toContain('5');
    expect(parsed.classes.map((c) => c.symbol)).toEqual(['0', '01']);
    expectBilingualMessages(parsed);
  });

  it('reports a class the file marks as non-final though nothing extends it', () => {
    const parsed = parseJrwa(
      wykaz2011(row2011('0', 'Zarządzanie', '', false), row2011('00', 'Wojewoda', 'A', false)),
    );
    expect(defectsOf(parsed, 'leaf_flag_mismatch')).toEqual([
      expect.objectContaining({ lineNo: 3, symbol: '00' }),
    ]);
    expect(classOf(parsed, '00')?.isFinal).toBe(true);
  });

  it('lists defects in line order', () => {
    const parsed = parseJrwa(
      wykaz2011(
        row2011('0', 'Zarządzanie', '', false),
        row2011('00', 'Wojewoda', '', true),
        'zły wiersz',
        row2011('01', 'Organizacja', 'X', true),
      ),
    );
    const lineNumbers = parsed.defects.map((d) => d.lineNo);
    expect(lineNumbers).toEqual([...lineNumbers].sort((a, b) => a - b));
    expect(new Set(lineNumbers)).toEqual(new Set([3, 4, 5]));
  });
});

describe('JRWA file format', () => {
  it('refuses a file whose header is not one of the known formats, naming the line', () => {
    const text = ['# komentarz', 'symbol;title;category', '0;Zarządzanie;'].join('\n');
    expect(() => parseJrwa(text)).toThrow(JrwaFormatError);
    try {
      parseJrwa(text);
    } catch (error) {
      expect(error).toMatchObject({ lineNo: 2, header: 'symbol;title;category' });
    }
  });

  it('refuses an empty file', () => {
    expect(() => parseJrwa('')).toThrow(JrwaFormatError);
  });

  it('reads a file with a byte-order mark and Windows line endings like a plain one', () => {
    const rows = [
      '# wykaz testowy',
      HEADER_2011,
      row2011('0', 'Zarządzanie', '', false),
      row2011('00', 'Wojewoda', 'B-5', true),
    ];
    const plain = parseJrwa(rows.join('\n'));
    const windows = parseJrwa(`\uFEFF${rows.join('\r\n')}\r\n`);
    expect(windows).toEqual(plain);
    expect(windows.format).toBe('jrwa-2011');
    expect(classOf(windows, '00')).toMatchObject({
      title: 'Wojewoda',
      category: 'B5',
      isFinal: true,
      lineNo: 4,
    });
    expect(windows.defects).toEqual([]);
  });

  it('skips comments and blank lines but keeps counting physical line numbers', () => {
    const parsed = parseJrwa(
      [
        '',
        HEADER_2011,
        row2011('0', 'Zarządzanie', '', false),
        '',
        '# uwaga',
        row2011('00', 'Wojewoda', '', true),
      ].join('\n'),
    );
    expect(parsed.classes.map((c) => [c.symbol, c.lineNo])).toEqual([
      ['0', 3],
      ['00', 6],
    ]);
    expect(parsed.defects).toEqual([
      expect.objectContaining({ lineNo: 6, symbol: '00', code: 'leaf_without_category' }),
    ]);
  });
});

describe('JRWA tree order', () => {
  it('finds a parent class listed after its child, reporting no missing parent', () => {
    const parsed = parseJrwa(
      wykaz2011(row2011('00', 'Dziecko', 'A', true), row2011('0', 'Rodzic', '', false)),
    );
    expect(defectsOf(parsed, 'missing_parent')).toEqual([]);
    expect(classOf(parsed, '0')?.isFinal).toBe(false);
  });
});
