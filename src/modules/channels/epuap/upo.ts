import { channelErrors } from '../channels.errors.ts';
import { child, CRD, escapeXml, parseReceivedXml, parseXmlBytes, text } from '../xml.ts';

/**
 * ePUAP official proofs (urzędowe poświadczenia odbioru, UPO) in the layout of
 * http://crd.gov.pl/xml/schematy/UPO/2008/05/09/: `Dokument` holding one of
 *
 * - `UPP` (urzędowe poświadczenie przedłożenia: the office's box accepted a submission):
 *   IdentyfikatorPoswiadczenia, Adresat, Nadawca, **DataDoreczenia**,
 *   DataWytworzeniaPoswiadczenia, IdentyfikatorDokumentu, InformacjaUzupelniajaca*;
 * - `UPD` (urzędowe poświadczenie doręczenia: the addressee collected the office's letter):
 *   IdentyfikatorPoswiadczenia, PodmiotWystawiajacyPoswiadczenie, Adresat, **DataOdbioru**,
 *   DataUtworzeniaPoswiadczenia, IdentyfikatorSprawy, IdentyfikatorDokumentu,
 *   InformacjaUzupelniajaca*.
 *
 * Only the UPP has `DataDoreczenia`; the UPD's time of delivery is its `DataOdbioru`. Both are
 * signed by ePUAP (ds:Signature after the body).
 */
export type UpoKind = 'UPP' | 'UPD';

interface Party {
  name: string;
  id?: string | undefined;
}

export interface Upp {
  kind: 'UPP';
  id: string;
  /** DataDoreczenia: when the office's box received the submission (its received time). */
  deliveredAt: Date;
  createdAt?: Date | undefined;
  documentId?: string | undefined;
  sender?: string | undefined;
  addressee?: string | undefined;
}

export interface Upd {
  kind: 'UPD';
  id: string;
  /** DataOdbioru: when the addressee collected the letter — the moment of delivery. */
  collectedAt: Date;
  /** DataUtworzeniaPoswiadczenia. */
  createdAt?: Date | undefined;
  /** PodmiotWystawiajacyPoswiadczenie/Nazwa: who issued the proof. */
  issuer?: string | undefined;
  /** IdentyfikatorSprawy: the case the delivered letter belongs to. */
  caseId?: string | undefined;
  documentId?: string | undefined;
  addressee?: string | undefined;
}

export type Upo = Upp | Upd;

export function isUpo(bytes: Uint8Array): boolean {
  try {
    const root = parseXmlBytes(bytes);
    return root.namespaceURI === CRD.upo && root.localName === 'Dokument';
  } catch {
    return false;
  }
}

const date = (value: string | undefined) => {
  const parsed = value ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
};

export function parseUpo(bytes: Uint8Array): Upo {
  const root = parseReceivedXml(bytes, channelErrors.malformedProof);
  if (root.namespaceURI !== CRD.upo || root.localName !== 'Dokument')
    throw channelErrors.malformedProof({ reason: 'not an upo:Dokument' });
  const field = (body: Parameters<typeof child>[0], name: string) =>
    text(child(body, CRD.upo, name));
  const partyName = (body: Parameters<typeof child>[0], name: string) =>
    text(child(child(body, CRD.upo, name), CRD.upo, 'Nazwa'));
  const upp = child(root, CRD.upo, 'UPP');
  if (upp) {
    const deliveredAt = date(field(upp, 'DataDoreczenia'));
    if (!deliveredAt) throw channelErrors.malformedProof({ reason: 'UPP without DataDoreczenia' });
    return {
      kind: 'UPP',
      id: field(upp, 'IdentyfikatorPoswiadczenia') ?? '',
      deliveredAt,
      createdAt: date(field(upp, 'DataWytworzeniaPoswiadczenia')),
      documentId: field(upp, 'IdentyfikatorDokumentu'),
      sender: partyName(upp, 'Nadawca'),
      addressee: partyName(upp, 'Adresat'),
    };
  }
  const upd = child(root, CRD.upo, 'UPD');
  if (upd) {
    const collectedAt = date(field(upd, 'DataOdbioru'));
    if (!collectedAt) throw channelErrors.malformedProof({ reason: 'UPD without DataOdbioru' });
    return {
      kind: 'UPD',
      id: field(upd, 'IdentyfikatorPoswiadczenia') ?? '',
      collectedAt,
      createdAt: date(field(upd, 'DataUtworzeniaPoswiadczenia')),
      issuer: partyName(upd, 'PodmiotWystawiajacyPoswiadczenie'),
      caseId: field(upd, 'IdentyfikatorSprawy'),
      documentId: field(upd, 'IdentyfikatorDokumentu'),
      addressee: partyName(upd, 'Adresat'),
    };
  }
  throw channelErrors.malformedProof({ reason: 'no upo:UPP or upo:UPD' });
}

/** The UPP of a submission; anything else where a UPP belongs is refused. */
export function parseUpp(bytes: Uint8Array): Upp {
  const upo = parseUpo(bytes);
  if (upo.kind !== 'UPP') throw channelErrors.malformedProof({ reason: 'expected a UPP' });
  return upo;
}

/** The UPD of a delivered letter; anything else where a UPD belongs is refused. */
export function parseUpd(bytes: Uint8Array): Upd {
  const upo = parseUpo(bytes);
  if (upo.kind !== 'UPD') throw channelErrors.malformedProof({ reason: 'expected a UPD' });
  return upo;
}

const party = (tag: string, p: Party) =>
  `<upo:${tag}><upo:Nazwa>${escapeXml(p.name)}</upo:Nazwa>${p.id ? `<upo:IdentyfikatorPodmiotu TypIdentyfikatora="AdresSkrytki">${escapeXml(p.id)}</upo:IdentyfikatorPodmiotu>` : ''}</upo:${tag}>`;
const note = (value: string | undefined) =>
  value
    ? `<upo:InformacjaUzupelniajaca TypInformacjiUzupelniajacej="Uwagi">${escapeXml(value)}</upo:InformacjaUzupelniajaca>`
    : '';
const document = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<upo:Dokument xmlns:upo="${CRD.upo}">${body}</upo:Dokument>`;

/** An unsigned UPP in the official layout; the simulator signs it enveloped like ePUAP does. */
export function buildUpp(input: {
  id: string;
  deliveredAt: Date;
  createdAt: Date;
  documentId: string;
  sender: { name: string; box: string };
  addressee: { name: string; box: string };
  note?: string;
}): string {
  return document(
    `<upo:UPP><upo:IdentyfikatorPoswiadczenia>${escapeXml(input.id)}</upo:IdentyfikatorPoswiadczenia>${party('Adresat', { name: input.addressee.name, id: input.addressee.box })}${party('Nadawca', { name: input.sender.name, id: input.sender.box })}<upo:DataDoreczenia>${input.deliveredAt.toISOString()}</upo:DataDoreczenia><upo:DataWytworzeniaPoswiadczenia>${input.createdAt.toISOString()}</upo:DataWytworzeniaPoswiadczenia><upo:IdentyfikatorDokumentu>${escapeXml(input.documentId)}</upo:IdentyfikatorDokumentu>${note(input.note)}</upo:UPP>`,
  );
}

/** An unsigned UPD in the official layout (DataOdbioru, not DataDoreczenia). */
export function buildUpd(input: {
  id: string;
  collectedAt: Date;
  createdAt: Date;
  issuer: { name: string; id?: string };
  addressee: { name: string; box: string };
  caseId?: string | undefined;
  documentId: string;
  note?: string;
}): string {
  return document(
    `<upo:UPD><upo:IdentyfikatorPoswiadczenia>${escapeXml(input.id)}</upo:IdentyfikatorPoswiadczenia>${party('PodmiotWystawiajacyPoswiadczenie', input.issuer)}${party('Adresat', { name: input.addressee.name, id: input.addressee.box })}<upo:DataOdbioru>${input.collectedAt.toISOString()}</upo:DataOdbioru><upo:DataUtworzeniaPoswiadczenia>${input.createdAt.toISOString()}</upo:DataUtworzeniaPoswiadczenia>${input.caseId ? `<upo:IdentyfikatorSprawy>${escapeXml(input.caseId)}</upo:IdentyfikatorSprawy>` : ''}<upo:IdentyfikatorDokumentu>${escapeXml(input.documentId)}</upo:IdentyfikatorDokumentu>${note(input.note)}</upo:UPD>`,
  );
}
