import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEpuapDocument } from './epuap.message.ts';
import { buildGeneralLetter } from './general-letter.builder.ts';
import { parseGeneralLetter } from './general-letter.ts';
import { parseUpp } from './upo.ts';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(new URL(`../../../../test/fixtures/${name}`, import.meta.url)));

describe('ePUAP general letter (form 2013/12/12/1410)', () => {
  it('reads sender, address, title, kind, date and the base64 attachment of a signed letter', () => {
    const letter = parseGeneralLetter(fixture('epuap-pismo-ogolne.xml'));
    expect(letter).toMatchObject({
      documentName: 'Pismo ogólne do podmiotu publicznego',
      title: 'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
      kind: 'wniosek',
      place: 'Świnoujście',
      letterDate: '2026-02-27',
      signed: true,
    });
    expect(letter.senders).toEqual([
      {
        kind: 'person',
        name: 'Jan Kowalski',
        pesel: '80010112345',
        email: 'jan.kowalski@example.pl',
        address: {
          street: 'ul. Wojska Polskiego 12/4',
          postalCode: '72-600',
          town: 'Świnoujście',
          country: 'Polska',
        },
      },
    ]);
    expect(letter.addressees[0]?.name).toBe('Urząd Miasta Demo');
    expect(letter.information).toHaveLength(2);
    expect(letter.attachments).toHaveLength(1);
    expect(letter.attachments[0]!.name).toBe('potwierdzenie-oplaty-skarbowej.pdf');
    expect(Buffer.from(letter.attachments[0]!.content.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('takes the received time from the UPP, not from the letter or the clock', () => {
    const upp = parseUpp(fixture('epuap-pismo-ogolne.upp.xml'));
    expect(upp).toMatchObject({ kind: 'UPP', id: 'UPP-2026-02-27-7731452' });
    expect(upp.deliveredAt.toISOString()).toBe('2026-02-27T20:14:31.000Z');
    const letter = readEpuapDocument(fixture('epuap-pismo-ogolne.xml'), {
      documentName: 'pismo.xml',
      proof: { name: 'UPP.xml', content: fixture('epuap-pismo-ogolne.upp.xml') },
    });
    expect(letter.receivedAt.toISOString()).toBe('2026-02-27T20:14:31.000Z');
    expect(letter.files.map((f) => [f.name, f.role])).toEqual([
      ['pismo.xml', 'document'],
      ['potwierdzenie-oplaty-skarbowej.pdf', 'attachment'],
      ['UPP.xml', 'proof'],
    ]);
  });

  it('refuses a saved letter without a UPP or a received time', () => {
    expect(() =>
      readEpuapDocument(fixture('epuap-pismo-ogolne.xml'), { documentName: 'pismo.xml' }),
    ).toThrow(expect.objectContaining({ code: 'channel.received_time_unknown' }));
  });

  it('reads an institution as sender and an "inne pismo" kind', () => {
    const xml = buildGeneralLetter({
      createdAt: new Date('2026-03-01T10:00:00Z'),
      letterDate: '2026-03',
      place: 'Szczecin',
      title: 'Zawiadomienie',
      kind: 'inne pismo',
      information: ['Treść'],
      sender: {
        kind: 'institution',
        name: 'Zakład Wodociągów',
        regon: '123456785',
        address: { street: 'al. Piastów', building: '3', postalCode: '70-311', town: 'Szczecin' },
      },
      addressee: { name: 'Urząd', address: { town: 'Demo' } },
    });
    const letter = parseGeneralLetter(new TextEncoder().encode(xml));
    expect(letter.senders[0]).toMatchObject({
      kind: 'institution',
      name: 'Zakład Wodociągów',
      address: { street: 'al. Piastów 3', postalCode: '70-311', town: 'Szczecin' },
    });
    expect(letter.kind).toBe('inne pismo');
    expect(letter.letterDate).toBe('2026-03');
    expect(letter.signed).toBe(false);
  });

  it('rejects another form and malformed XML with stable codes', () => {
    const other = '<x:Dokument xmlns:x="http://crd.gov.pl/wzor/2020/01/01/9999/"/>';
    expect(() => parseGeneralLetter(new TextEncoder().encode(other))).toThrow(
      expect.objectContaining({ code: 'channel.unsupported_form' }),
    );
    expect(() => parseGeneralLetter(new TextEncoder().encode('<a><b></a>'))).toThrow(
      expect.objectContaining({ code: 'channel.malformed_message' }),
    );
  });
});
