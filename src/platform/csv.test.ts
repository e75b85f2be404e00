import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.ts';

describe('csvCell', () => {
  it('neutralises every text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://zly.example","kliknij")')).toBe(
      `"'=HYPERLINK(""http://zly.example"",""kliknij"")"`,
    );
    expect(csvCell("+cmd|' /C calc'!A0")).toBe(`"'+cmd|' /C calc'!A0"`);
    expect(csvCell('@SUM(1+1)')).toBe(`"'@SUM(1+1)"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('keeps ordinary texts, numbers and empty values as they are', () => {
    expect(csvCell('Wniosek o wydanie zaświadczenia')).toBe('"Wniosek o wydanie zaświadczenia"');
    expect(csvCell('ZP.6730.1.2026 – decyzja = wydana')).toBe(
      '"ZP.6730.1.2026 – decyzja = wydana"',
    );
    expect(csvCell(-5)).toBe('"-5"');
    expect(csvCell(null)).toBe('""');
  });
});
