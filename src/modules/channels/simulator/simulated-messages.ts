import { buildEvidence } from '../edoreczenia/evidence.ts';
import type { EdoreczeniaEnvelope } from '../edoreczenia/edoreczenia.envelope.ts';
import type { EpuapEnvelope } from '../epuap/epuap.envelope.ts';
import { buildGeneralLetter } from '../epuap/general-letter.builder.ts';
import { buildUpp } from '../epuap/upo.ts';

/**
 * What the simulator puts in the office's boxes: realistic ePUAP general letters (with a PDF
 * attachment and the UPP) and e-Doręczenia messages (attachments and the dowód otrzymania),
 * varied by number, optionally signed by the simulator's throw-away PKI.
 */
export type Sign = (xml: string, at: Date) => Promise<string>;

const PEOPLE = [
  ['Jan', 'Kowalski', 'ul. Wojska Polskiego', '72-600', 'Świnoujście'],
  ['Anna', 'Wiśniewska', 'ul. Bohaterów Września', '72-600', 'Świnoujście'],
  ['Piotr', 'Zieliński', 'ul. Grunwaldzka', '70-223', 'Szczecin'],
  ['Małgorzata', 'Lewandowska', 'ul. Armii Krajowej', '72-602', 'Świnoujście'],
  ['Krzysztof', 'Wójcik', 'ul. Matejki', '72-600', 'Świnoujście'],
] as const;
const TITLES = [
  'Wniosek o wydanie zaświadczenia o niezaleganiu w podatkach',
  'Wniosek o wydanie warunków zabudowy',
  'Skarga na działanie zarządcy drogi',
  'Wniosek o udostępnienie informacji publicznej',
  'Wniosek o rozłożenie podatku od nieruchomości na raty',
] as const;

/** A tiny but valid one-page PDF, so the store sniffs it as application/pdf. */
export function samplePdf(text: string): Uint8Array {
  const body = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '').replace(/[^\x20-\x7e]/g, '?')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

export async function simulatedEpuapEnvelope(input: {
  id: string;
  n: number;
  mailbox: string;
  receivedAt: Date;
  /** Signs the letter as its sender would (XAdES enveloped). */
  sign?: Sign | undefined;
  /** Signs the UPP as ePUAP does (its seal). */
  upoSign?: Sign | undefined;
  document?: { name: string; content: Uint8Array } | undefined;
}): Promise<EpuapEnvelope> {
  const [givenName, surname, street, postalCode, town] = PEOPLE[input.n % PEOPLE.length]!;
  const title = `${TITLES[input.n % TITLES.length]} (nr ${input.n})`;
  let document = input.document?.content;
  if (!document) {
    const xml = buildGeneralLetter({
      createdAt: input.receivedAt,
      letterDate: input.receivedAt.toISOString().slice(0, 10),
      place: town,
      title,
      information: [`Zwracam się z prośbą o załatwienie sprawy nr ${input.n}.`],
      sender: {
        kind: 'person',
        givenName,
        surname,
        address: { street, building: String((input.n % 40) + 1), postalCode, town },
      },
      addressee: { name: 'Urząd Miasta Demo', address: { town: 'Demo', postalCode: '00-001' } },
      attachments: [
        {
          name: `zalacznik-${input.n}.pdf`,
          format: 'application/pdf',
          content: samplePdf(`Zalacznik ${input.n}`),
        },
      ],
    });
    document = new TextEncoder().encode(input.sign ? await input.sign(xml, input.receivedAt) : xml);
  }
  const upp = buildUpp({
    id: `UPP-${input.id}`,
    deliveredAt: input.receivedAt,
    createdAt: input.receivedAt,
    documentId: input.id,
    sender: { name: `${givenName} ${surname}`, box: `/${surname.toLowerCase()}/domyslna` },
    addressee: { name: 'Urząd Miasta Demo', box: input.mailbox },
  });
  return {
    identyfikator: input.id,
    adresSkrytki: input.mailbox,
    adresOdpowiedzi: `/${surname.toLowerCase()}/domyslna`,
    dataNadania: input.receivedAt.toISOString(),
    daneNadawcy: {
      uzytkownik: `${givenName.toLowerCase()}.${surname.toLowerCase()}`,
      system: 'ePUAP',
    },
    danePodmiotu: { typOsoby: 'F', imieSkrot: givenName, nazwiskoNazwa: surname },
    dokument: {
      nazwaPliku: input.document?.name ?? 'Pismo_ogolne_do_podmiotu_publicznego.xml',
      typPliku: 'text/xml',
      zawartosc: Buffer.from(document).toString('base64'),
    },
    upp: {
      nazwaPliku: 'UPP.xml',
      typPliku: 'text/xml',
      zawartosc: Buffer.from(
        input.upoSign ? await input.upoSign(upp, input.receivedAt) : upp,
      ).toString('base64'),
    },
  };
}

export async function simulatedEdoreczeniaEnvelope(input: {
  id: string;
  n: number;
  mailbox: string;
  receivedAt: Date;
  sign?: Sign | undefined;
}): Promise<EdoreczeniaEnvelope> {
  const [givenName, surname, street, postalCode, town] = PEOPLE[(input.n + 2) % PEOPLE.length]!;
  const sender = `AE:PL-${String(10000 + (input.n % 89999)).padStart(5, '0')}-${String(input.n).padStart(5, '0')}-ABCDE-${String(input.n % 97).padStart(2, '0')}`;
  const evidence = (type: 'ContentConsignment') =>
    buildEvidence({
      id: `${type}-${input.id}`,
      type,
      eventTime: input.receivedAt,
      messageId: input.id,
      sender,
      recipient: input.mailbox,
    });
  const signed = async (xml: string) => (input.sign ? input.sign(xml, input.receivedAt) : xml);
  return {
    messageId: input.id,
    subject: `${TITLES[(input.n + 1) % TITLES.length]} (e-Doręczenia, nr ${input.n})`,
    sender: {
      name: `${givenName} ${surname}`,
      eDeliveryAddress: sender,
      postalAddress: {
        street: `${street} ${(input.n % 30) + 1}`,
        postalCode,
        town,
        country: 'Polska',
      },
    },
    recipient: { name: 'Urząd Miasta Demo', eDeliveryAddress: input.mailbox },
    submittedAt: input.receivedAt.toISOString(),
    body: `Szanowni Państwo, w załączeniu przesyłam pismo nr ${input.n}.`,
    attachments: [
      {
        fileName: `pismo-${input.n}.pdf`,
        contentType: 'application/pdf',
        content: Buffer.from(samplePdf(`Pismo ${input.n}`)).toString('base64'),
      },
    ],
    // The office's box receives the evidence of the message being put there (dowód otrzymania);
    // the sender keeps its own dowód nadania.
    evidences: [
      {
        type: 'ContentConsignment',
        eventTime: input.receivedAt.toISOString(),
        fileName: 'dowod-otrzymania.xml',
        xml: Buffer.from(await signed(evidence('ContentConsignment'))).toString('base64'),
      },
    ],
  };
}
