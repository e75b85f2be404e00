import { CRD, escapeXml } from '../xml.ts';

/**
 * Writes an ePUAP general letter (form http://crd.gov.pl/wzor/2013/12/12/1410/) the way the
 * ePUAP form renderer does: a citizen (oso:Osoba) or an institution (inst:Instytucja) writes to
 * the office, with base64 attachments. The channel simulator and the test fixtures use it; sign
 * the result with `signXmlEnveloped` for the XAdES signature ePUAP adds.
 */
export interface GeneralLetterInput {
  createdAt: Date;
  letterDate: string;
  place: string;
  title: string;
  kind?: string;
  information: string[];
  sender:
    | {
        kind: 'person';
        givenName: string;
        surname: string;
        pesel?: string;
        email?: string;
        address: AddressInput;
      }
    | { kind: 'institution'; name: string; regon?: string; address: AddressInput };
  addressee: { name: string; address: AddressInput };
  attachments?: Array<{ name: string; format: string; content: Uint8Array; description?: string }>;
}

export interface AddressInput {
  street?: string;
  building?: string;
  flat?: string;
  postalCode?: string;
  town: string;
  country?: string;
}

const el = (tag: string, value: string | undefined) =>
  value === undefined ? '' : `<${tag}>${escapeXml(value)}</${tag}>`;

function address(a: AddressInput) {
  return `<adr:Adres>${el('adr:KodPocztowy', a.postalCode)}${el('adr:Poczta', a.postalCode ? a.town : undefined)}${el('adr:Miejscowosc', a.town)}${el('adr:Ulica', a.street)}${el('adr:Budynek', a.building)}${el('adr:Lokal', a.flat)}${el('adr:Kraj', a.country ?? 'PL')}</adr:Adres>`;
}

function sender(input: GeneralLetterInput['sender']) {
  if (input.kind === 'person') {
    return `<oso:Osoba>${input.pesel ? `<oso:IdOsoby><oso:PESEL>${escapeXml(input.pesel)}</oso:PESEL></oso:IdOsoby>` : ''}${el('oso:Imie', input.givenName)}${el('oso:Nazwisko', input.surname)}${address(input.address)}${input.email ? `<adr:Kontakt><adr:Email>${escapeXml(input.email)}</adr:Email></adr:Kontakt>` : ''}</oso:Osoba>`;
  }
  return `<inst:Instytucja>${input.regon ? `<inst:IdInstytucji><inst:REGON>${escapeXml(input.regon)}</inst:REGON></inst:IdInstytucji>` : ''}${el('inst:NazwaInstytucji', input.name)}${address(input.address)}</inst:Instytucja>`;
}

export function buildGeneralLetter(input: GeneralLetterInput): string {
  const attachments = (input.attachments ?? [])
    .map(
      (a) =>
        `<str:Zalacznik format="${escapeXml(a.format)}" nazwaPliku="${escapeXml(a.name)}" kodowanie="base64">${a.description ? el('str:OpisZalacznika', a.description) : ''}<str:DaneZalacznika>${Buffer.from(a.content).toString('base64')}</str:DaneZalacznika></str:Zalacznik>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="http://crd.gov.pl/wzor/2013/12/12/1410/styl.xsl"?>
<wnio:Dokument xmlns:wnio="${CRD.wnio}" xmlns:meta="${CRD.meta}" xmlns:str="${CRD.str}" xmlns:adr="${CRD.adr}" xmlns:oso="${CRD.oso}" xmlns:inst="${CRD.inst}">
<wnio:OpisDokumentu><meta:Data typDaty="utworzony"><meta:Czas>${input.createdAt.toISOString()}</meta:Czas></meta:Data></wnio:OpisDokumentu>
<wnio:DaneDokumentu><str:Naglowek><str:NazwaDokumentu>Pismo ogólne do podmiotu publicznego</str:NazwaDokumentu></str:Naglowek><meta:Data typDaty="stworzony"><meta:Czas>${escapeXml(input.letterDate)}</meta:Czas></meta:Data><str:Adresaci><meta:Podmiot><inst:Instytucja>${el('inst:NazwaInstytucji', input.addressee.name)}${address(input.addressee.address)}</inst:Instytucja></meta:Podmiot></str:Adresaci><str:Nadawcy><meta:Podmiot>${sender(input.sender)}</meta:Podmiot></str:Nadawcy></wnio:DaneDokumentu>
<wnio:TrescDokumentu format="text/xml" kodowanie="XML">${el('wnio:MiejscowoscDokumentu', input.place)}${el('wnio:Tytul', input.title)}<wnio:RodzajWnioskuRozszerzony rodzaj="${escapeXml(input.kind ?? 'wniosek')}" jakiInny=""/><wnio:Informacje>${input.information.map((i) => el('wnio:Informacja', i)).join('')}</wnio:Informacje>${attachments ? `<str:Zalaczniki>${attachments}</str:Zalaczniki>` : ''}</wnio:TrescDokumentu>
</wnio:Dokument>`;
}
