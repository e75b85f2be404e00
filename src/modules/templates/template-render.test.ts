import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { parseLetterBody } from './letter-body.ts';
import { formatLetterDate } from './letter-date.ts';
import {
  checkTemplateBody,
  fillTemplate,
  listTemplateFields,
  toFieldValues,
} from './template-render.ts';

describe('template placeholders', () => {
  it('fills case values and user fields, keeping a multi-line value on its own lines', () => {
    const body =
      'Sprawa {{case.signature}}: {{ case.title }}\n\n{{party.address}}\n\n{{fields.ruling}}';
    const filled = fillTemplate(body, {
      'case.signature': 'FN.3110.7.2026',
      'case.title': 'Wymiar podatku',
      'party.address': 'ul. Lipowa 5\n00-950 Demo',
      ...toFieldValues({ ruling: 'Ustalam podatek.' }),
    });
    expect(filled).toBe(
      'Sprawa FN.3110.7.2026: Wymiar podatku\n\nul. Lipowa 5\n00-950 Demo\n\nUstalam podatek.',
    );
  });

  it('joins a multi-line value inside a sentence with commas and ends the sentence once', () => {
    expect(
      fillTemplate('Adres: {{party.address}}. Termin: {{deadline.due}}.', {
        'party.address': 'ul. Lipowa 5\n00-950 Demo',
        'deadline.due': '2 kwietnia 2026 r.',
      }),
    ).toBe('Adres: ul. Lipowa 5, 00-950 Demo. Termin: 2 kwietnia 2026 r.');
  });

  it('rejects a placeholder outside the catalogue with template.unknown_placeholder', () => {
    expect(() => fillTemplate('{{party.nickname}} {{fields.Bad-Name}} {{case.title}}', {})).toThrow(
      expect.objectContaining({
        code: 'template.unknown_placeholder',
        status: 422,
        details: { unknown: ['party.nickname', 'fields.Bad-Name'] },
      }),
    );
  });

  it('rejects unbalanced braces with template.malformed_placeholder', () => {
    expect(() => checkTemplateBody('Znak: {{case.signature}, data {{today}}')).toThrow(
      expect.objectContaining({ code: 'template.malformed_placeholder' }),
    );
  });

  it('never prints a blank: absent or empty values are listed in template.missing_value', () => {
    expect(() =>
      fillTemplate('{{party.name}} {{deadline.due}} {{fields.ruling}} {{case.title}}', {
        'party.name': null,
        'case.title': 'Tytuł',
        ...toFieldValues({ ruling: '  \n ' }),
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'template.missing_value',
        details: { missing: ['deadline.due', 'fields.ruling', 'party.name'] },
      }),
    );
  });

  it('keeps user text from turning into headings or placeholders', () => {
    const filled = fillTemplate('{{fields.content}}', {
      ...toFieldValues({ content: '# Nie nagłówek\n{{case.signature}}' }),
    });
    expect(parseLetterBody(filled)).toEqual([
      { kind: 'paragraph', lines: ['# Nie nagłówek', '{{case.signature}}'] },
    ]);
  });

  it('lists the free fields a template asks for', () => {
    expect(listTemplateFields('{{fields.a}} {{case.title}} {{fields.b}} {{fields.a}}')).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('built-in templates', () => {
  it('use only known placeholders and have unique codes', () => {
    for (const template of DEFAULT_TEMPLATES)
      expect(() => checkTemplateBody(template.body)).not.toThrow();
    const codes = DEFAULT_TEMPLATES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(
      expect.arrayContaining(['letter', 'decision', 'delay_notice', 'completion_request']),
    );
  });

  it('instruct on the 14-day appeal, the art. 36 notice with ponaglenie, and art. 64 § 2', () => {
    const body = (code: string) => DEFAULT_TEMPLATES.find((t) => t.code === code)!.body;
    expect(body('decision')).toMatch(/odwołanie .* w terminie 14 dni od dnia jej doręczenia/);
    expect(body('delay_notice')).toContain('art. 36 § 1');
    expect(body('delay_notice')).toContain('{{extension.reason}}');
    expect(body('delay_notice')).toContain('{{extension.new_due}}');
    expect(body('delay_notice')).toContain('ponaglenia');
    expect(body('completion_request')).toContain('art. 64 § 2');
  });
});

describe('dates in letters', () => {
  it('writes the day and the month in words, in the genitive', () => {
    expect(formatLetterDate('2026-11-27')).toBe('27 listopada 2026 r.');
    expect(formatLetterDate('2026-03-02')).toBe('2 marca 2026 r.');
  });

  it('rejects a day that does not exist', () => {
    expect(() => formatLetterDate('2026-02-30')).toThrow(
      expect.objectContaining({ code: 'deadline.invalid_date' }),
    );
  });
});
