import { describe, expect, it } from 'vitest';
import { hasTextLayer, meanWordConfidence } from './ocr-tools.ts';

describe('reading tesseract’s output', () => {
  it('averages the confidence of words only, leaving out blocks, lines and empty cells', () => {
    const header =
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const tsv = [
      header,
      '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3509\t-1\t',
      '4\t1\t1\t1\t1\t0\t210\t217\t900\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t210\t217\t200\t40\t96.5\tWniosek',
      '5\t1\t1\t1\t1\t2\t420\t217\t20\t40\t80.5\to',
      '5\t1\t1\t1\t1\t3\t450\t217\t20\t40\t-1\t',
      '5\t1\t1\t1\t1\t4\t460\t217\t20\t40\t91\t ',
    ].join('\n');
    expect(meanWordConfidence(tsv)).toBe(88.5);
    expect(meanWordConfidence(header)).toBeNull();
  });

  it('takes a PDF page as having a text layer only when it has words on it', () => {
    expect(hasTextLayer('Wniosek o wydanie zaświadczenia o niezaleganiu')).toBe(true);
    expect(hasTextLayer('  \n 12/3 ')).toBe(false);
    expect(hasTextLayer('')).toBe(false);
  });
});
