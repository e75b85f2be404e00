import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/files/pdf-text.ts';
import { renderLetterPdf, type Letter } from './letter-pdf.ts';

const POLISH = 'Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.';

const letter = (body: string, overrides: Partial<Letter> = {}): Letter => ({
  office: { name: 'Urząd Miasta Demo', unit: 'Wydział Finansowy', town: 'Świnoujście' },
  sign: 'FN.3110.7.2026',
  date: '2026-11-27',
  addressee: { name: 'Józef Łęcki', address: 'ul. Wojska Polskiego 1\n72-600 Świnoujście' },
  body,
  signature: { name: 'Joanna Dąbrowska', post: 'inspektor ds. wymiaru podatków' },
  ...overrides,
});
const fixed = { creationDate: new Date('2026-11-27T10:00:00Z') };

describe('letter PDF', () => {
  it('embeds a DejaVu Sans subset whose ToUnicode map gives back every Polish letter', async () => {
    const pdf = await renderLetterPdf(letter(`# DECYZJA\n\n${POLISH}`), fixed);
    const { pages, fonts } = await extractPdfText(pdf);

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.');
    expect(pages[0]).toContain('Józef Łęcki');
    expect(pages[0]).not.toContain('\uFFFD');
    expect(new Set(fonts.map((f) => f.baseFont))).toEqual(
      new Set(['OBIEGR+DejaVuSans', 'OBIEGB+DejaVuSans-Bold']),
    );
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('prints letterhead, place and date in words, case sign, signature and page number', async () => {
    const pdf = await renderLetterPdf(letter('Treść pisma.'), fixed);
    const [page] = (await extractPdfText(pdf)).pages;

    expect(page).toContain('Świnoujście, dnia 27 listopada 2026 r.');
    expect(page).toContain('Urząd Miasta Demo Wydział Finansowy');
    expect(page).toContain('Znak sprawy: FN.3110.7.2026');
    expect(page).toContain('Joanna Dąbrowska inspektor ds. wymiaru podatków');
    expect(page).toMatch(/Strona 1 z 1$/);
  });

  it('flows a long body onto numbered pages that repeat the case sign, signature last', async () => {
    const paragraphs = Array.from(
      { length: 45 },
      (_, i) => `Akapit ${i + 1}. ${POLISH} Na podstawie art. 104 ustawy z dnia 14 czerwca 1960 r.`,
    );
    const pdf = await renderLetterPdf(letter(paragraphs.join('\n\n')), fixed);
    const { pages } = await extractPdfText(pdf);

    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      expect(page).toMatch(new RegExp(`Strona ${index + 1} z ${pages.length}$`));
      if (index > 0) expect(page.startsWith('Znak sprawy: FN.3110.7.2026')).toBe(true);
    });
    const text = pages.join(' ');
    for (let i = 1; i <= 45; i++) expect(text).toContain(`Akapit ${i}. Zażółć`);
    expect(pages.at(-1)).toContain('Joanna Dąbrowska');
    expect(pages.slice(0, -1).join(' ')).not.toContain('Joanna Dąbrowska');
  });

  it('gives the same bytes for the same letter and creation date', async () => {
    const first = await renderLetterPdf(letter(POLISH), fixed);
    const second = await renderLetterPdf(letter(POLISH), fixed);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('refuses a letter without a place or a signature instead of printing a gap', async () => {
    await expect(
      renderLetterPdf(
        letter('Treść.', {
          office: { name: 'Urząd', town: ' ' },
          signature: { name: '', post: '' },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'template.incomplete_letter',
      details: { fields: ['office.town', 'signature.name'] },
    });
  });
});
