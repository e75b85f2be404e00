import type { Element } from '@xmldom/xmldom';
import type { PostalAddress } from '../../../platform/db/schema.ts';
import { channelErrors } from '../channels.errors.ts';
import { partialDateOf } from '../inbound-letter.ts';
import { child, children, CRD, parseReceivedXml, path, text } from '../xml.ts';

/**
 * The ePUAP general letter (pismo ogólne do podmiotu publicznego), form
 * http://crd.gov.pl/wzor/2013/12/12/1410/: `wnio:Dokument` with `wnio:OpisDokumentu`,
 * `wnio:DaneDokumentu` (str:Naglowek, meta:Data, str:Adresaci, str:Nadawcy) and
 * `wnio:TrescDokumentu` (place, title, kind, information, str:Zalaczniki with base64 data),
 * usually with an enveloped XAdES `ds:Signature`.
 */
export interface GeneralLetter {
  documentName?: string | undefined;
  title?: string | undefined;
  kind?: string | undefined;
  place?: string | undefined;
  /** The date the citizen gave the letter (partial dates allowed). */
  letterDate?: string | undefined;
  senders: Party[];
  addressees: Party[];
  information: string[];
  attachments: Array<{ name: string; format?: string | undefined; content: Uint8Array }>;
  signed: boolean;
}

export interface Party {
  kind: 'person' | 'institution';
  name: string;
  address: Partial<PostalAddress>;
  pesel?: string | undefined;
  email?: string | undefined;
}

const { wnio, meta, str, adr, oso, inst } = CRD;

export function isGeneralLetter(root: Element): boolean {
  return root.namespaceURI === wnio && root.localName === 'Dokument';
}

export function parseGeneralLetter(bytes: Uint8Array): GeneralLetter {
  const root = parseReceivedXml(bytes, channelErrors.malformedMessage);
  if (!isGeneralLetter(root)) {
    throw channelErrors.unsupportedForm({
      root: `{${root.namespaceURI ?? ''}}${root.localName ?? ''}`,
    });
  }
  const data = child(root, wnio, 'DaneDokumentu');
  const content = child(root, wnio, 'TrescDokumentu');
  const kindElement = child(content, wnio, 'RodzajWnioskuRozszerzony');
  const kind = kindElement?.getAttribute('rodzaj')?.trim();
  const other = kindElement?.getAttribute('jakiInny')?.trim();
  return {
    documentName: text(path(data, [str, 'Naglowek'], [str, 'NazwaDokumentu'])),
    title: text(child(content, wnio, 'Tytul')),
    kind: kind === 'inne pismo' && other ? other : kind || undefined,
    place: text(child(content, wnio, 'MiejscowoscDokumentu')),
    letterDate: letterDate(root, data),
    senders: parties(child(data, str, 'Nadawcy')),
    addressees: parties(child(data, str, 'Adresaci')),
    information: [
      ...children(child(content, wnio, 'Informacje'), wnio, 'Informacja'),
      ...children(content, wnio, 'Informacje').filter((e) => !child(e, wnio, 'Informacja')),
    ]
      .map((e) => e.textContent?.trim() ?? '')
      .filter(Boolean),
    attachments: children(child(content, str, 'Zalaczniki'), str, 'Zalacznik').map(attachment),
    signed:
      root.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature').length > 0,
  };
}

/** "stworzony" in DaneDokumentu is the date of the letter; OpisDokumentu carries the form's own date. */
function letterDate(root: Element, data: Element | null): string | undefined {
  const dates = [
    ...children(data, meta, 'Data'),
    ...children(child(root, wnio, 'OpisDokumentu'), meta, 'Data'),
  ];
  const preferred =
    dates.find((d) => d.getAttribute('typDaty') === 'stworzony') ??
    dates.find((d) => d.getAttribute('typDaty') === 'utworzony') ??
    dates[0];
  if (!preferred) return undefined;
  return partialDateOf(text(child(preferred, meta, 'Czas')) ?? text(preferred));
}

function parties(list: Element | null): Party[] {
  return children(list, meta, 'Podmiot').flatMap((subject): Party[] => {
    const person = child(subject, oso, 'Osoba');
    if (person) {
      const name = [
        text(child(person, oso, 'Imie')),
        text(child(person, oso, 'ImieDrugie')),
        ...children(person, oso, 'Nazwisko').map((e) => text(e)),
      ]
        .filter(Boolean)
        .join(' ');
      return [
        {
          kind: 'person',
          name,
          address: address(child(person, adr, 'Adres')),
          pesel: text(path(person, [oso, 'IdOsoby'], [oso, 'PESEL'])),
          email: text(path(person, [adr, 'Kontakt'], [adr, 'Email'])),
        },
      ];
    }
    const institution = child(subject, inst, 'Instytucja');
    if (institution) {
      const units = [];
      for (
        let unit = child(institution, inst, 'Jednostka');
        unit;
        unit = child(unit, inst, 'Jednostka')
      ) {
        const unitName = text(child(unit, inst, 'NazwaInstytucji'));
        if (unitName) units.push(unitName);
      }
      return [
        {
          kind: 'institution',
          name: [text(child(institution, inst, 'NazwaInstytucji')), ...units]
            .filter(Boolean)
            .join(', '),
          address: address(child(institution, adr, 'Adres')),
          email: text(path(institution, [adr, 'Kontakt'], [adr, 'Email'])),
        },
      ];
    }
    return [];
  });
}

function address(element: Element | null): Partial<PostalAddress> {
  if (!element) return {};
  const street = text(child(element, adr, 'Ulica'));
  const building = text(child(element, adr, 'Budynek'));
  const flat = text(child(element, adr, 'Lokal'));
  const town = text(child(element, adr, 'Miejscowosc')) ?? text(child(element, adr, 'Poczta'));
  const number = building ? `${building}${flat ? `/${flat}` : ''}` : undefined;
  const streetLine = street
    ? `${/^(ul|al|pl|os)\.?\s/i.test(street) ? street : `ul. ${street}`}${number ? ` ${number}` : ''}`
    : number && town
      ? `${town} ${number}`
      : undefined;
  const country = text(child(element, adr, 'Kraj'));
  const postalCode = text(child(element, adr, 'KodPocztowy'));
  return {
    ...(streetLine ? { street: streetLine } : {}),
    ...(postalCode ? { postalCode } : {}),
    ...(town ? { town } : {}),
    country: country
      ? countryName(country)
      : postalCode && /^\d{2}-\d{3}$/.test(postalCode)
        ? 'Polska'
        : undefined,
  };
}

/** ePUAP forms give the country as a code (PL) or a name. */
function countryName(value: string): string {
  return value.toUpperCase() === 'PL' || value.toUpperCase() === 'POL' ? 'Polska' : value;
}

function attachment(element: Element) {
  const encoding = element.getAttribute('kodowanie') ?? 'base64';
  const name = element.getAttribute('nazwaPliku')?.trim() || 'zalacznik';
  const data = child(element, str, 'DaneZalacznika')?.textContent ?? '';
  if (encoding.toLowerCase() !== 'base64') {
    // kodowanie="URI": the file stayed in the sender's ePUAP repository; keep the link as text.
    return {
      name: `${name}.url.txt`,
      format: 'text/plain',
      content: new TextEncoder().encode(data.trim()),
    };
  }
  return {
    name,
    format: element.getAttribute('format') ?? undefined,
    content: new Uint8Array(Buffer.from(data.replace(/\s+/g, ''), 'base64')),
  };
}
