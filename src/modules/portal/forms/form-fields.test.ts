import { describe, expect, it } from 'vitest';
import { FORM_CATALOGUE, findForm } from './form-catalogue.ts';
import { allFields, validateFormValues } from './form-fields.ts';

const identity = { name: 'Jan Kowalski', pesel: '80010112357' };

describe('portal forms as data', () => {
  it('offer the general letter and three municipal applications, each with a unit and a term', () => {
    expect(FORM_CATALOGUE.map((f) => f.id)).toEqual([
      'pismo-ogolne',
      'zaswiadczenie-o-niezaleganiu',
      'podatek-od-nieruchomosci',
      'warunki-zabudowy',
    ]);
    for (const form of FORM_CATALOGUE) {
      expect(form.unitSymbol).toMatch(/^[A-Z]+$/);
      expect(form.term.term).toMatch(/^\d+[dm]$/);
      const names = allFields(form).map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(findForm('zaswiadczenie-o-niezaleganiu')).toMatchObject({
      unitSymbol: 'FN',
      jrwaSymbol: '3118',
    });
  });

  it('take the name and PESEL from the sign-in, never from the submitted values', () => {
    const form = findForm('pismo-ogolne')!;
    const { values, errors } = validateFormValues(
      form,
      {
        name: 'Ktoś Inny',
        pesel: '85071545685',
        street: 'Polna 1',
        postalCode: '72-600',
        town: 'Demo',
        subject: 'Drzewo',
        content: 'Treść',
      },
      identity,
    );
    expect(errors).toEqual({});
    expect(values).toMatchObject({ name: 'Jan Kowalski', pesel: '80010112357' });
  });

  it('check select options, number ranges and e-mail addresses, and reduce a NIP to digits', () => {
    const form = findForm('zaswiadczenie-o-niezaleganiu')!;
    const base = { street: 'Polna 1', postalCode: '72-600', town: 'Demo' };
    const bad = validateFormValues(
      form,
      { ...base, purpose: 'bribe', copies: '9', email: 'jan@' },
      identity,
    );
    expect(Object.keys(bad.errors).sort()).toEqual(['copies', 'email', 'purpose']);
    const good = validateFormValues(
      form,
      { ...base, purpose: 'loan', copies: '2', nip: 'PL 123-456-32-18' },
      identity,
    );
    expect(good.errors).toEqual({});
    expect(good.values.nip).toBe('1234563218');
  });
});
