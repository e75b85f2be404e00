import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRD, children, parseXmlBytes } from '../xml.ts';
import { buildUpd, buildUpp, parseUpd, parseUpo, parseUpp } from './upo.ts';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(new URL(`../../../../test/fixtures/${name}`, import.meta.url)));
const encode = (xml: string) => new TextEncoder().encode(xml);

/** The element names of the UPP/UPD body, in order: the layout a proof follows. */
function layout(bytes: Uint8Array): string[] {
  const root = parseXmlBytes(bytes);
  const body = [...children(root, CRD.upo, 'UPP'), ...children(root, CRD.upo, 'UPD')][0]!;
  const names: string[] = [];
  for (let node = body.firstChild; node; node = node.nextSibling)
    if (node.nodeType === 1) names.push((node as unknown as { localName: string }).localName);
  return names;
}

describe('ePUAP proofs in the official UPO/2008/05/09 layout', () => {
  it('reads the UPD: DataOdbioru is the delivery, with DataUtworzeniaPoswiadczenia, PodmiotWystawiajacyPoswiadczenie and IdentyfikatorSprawy', () => {
    const upd = parseUpd(fixture('epuap-decyzja.upd.xml'));
    expect(upd).toEqual({
      kind: 'UPD',
      id: 'UPD-2026-03-04-1187345',
      collectedAt: new Date('2026-03-04T10:41:07.000Z'),
      createdAt: new Date('2026-03-02T08:05:12.000Z'),
      issuer: 'Urząd Miasta Demo',
      caseId: 'FN.3110.1.2026',
      documentId: 'RKW/1/2026',
      addressee: 'Jan Kowalski',
    });
  });

  it('reads the UPP: only the UPP has DataDoreczenia (with DataWytworzeniaPoswiadczenia)', () => {
    const upp = parseUpp(fixture('epuap-pismo-ogolne.upp.xml'));
    expect(upp).toMatchObject({
      kind: 'UPP',
      deliveredAt: new Date('2026-02-27T20:14:31.000Z'),
      createdAt: new Date('2026-02-27T20:14:31.000Z'),
      documentId: 'EPUAP-7731452',
      sender: 'Jan Kowalski',
      addressee: 'Urząd Miasta Demo',
    });
  });

  it('refuses a UPD that carries DataDoreczenia instead of DataOdbioru (not the UPD layout)', () => {
    const wrong = new TextDecoder()
      .decode(fixture('epuap-decyzja.upd.xml'))
      .replaceAll('DataOdbioru', 'DataDoreczenia');
    expect(() => parseUpo(encode(wrong))).toThrow(
      expect.objectContaining({ code: 'channel.malformed_proof' }),
    );
  });

  it('refuses a UPP where a UPD belongs and the other way round', () => {
    expect(() => parseUpd(fixture('epuap-pismo-ogolne.upp.xml'))).toThrow(
      expect.objectContaining({ code: 'channel.malformed_proof' }),
    );
    expect(() => parseUpp(fixture('epuap-decyzja.upd.xml'))).toThrow(
      expect.objectContaining({ code: 'channel.malformed_proof' }),
    );
  });

  it('issues from the simulator the same layouts as the official fixtures, element by element', () => {
    const upd = encode(
      buildUpd({
        id: 'UPD-1',
        collectedAt: new Date('2026-03-04T10:41:07Z'),
        createdAt: new Date('2026-03-02T08:05:12Z'),
        issuer: { name: 'Urząd Miasta Demo', id: '/um-demo/SkrytkaESP' },
        addressee: { name: 'Jan Kowalski', box: '/jan.kowalski/domyslna' },
        caseId: 'FN.3110.1.2026',
        documentId: 'RKW/1/2026',
        note: 'Decyzja',
      }),
    );
    expect(layout(upd)).toEqual(layout(fixture('epuap-decyzja.upd.xml')));
    expect(parseUpd(upd)).toMatchObject({
      collectedAt: new Date('2026-03-04T10:41:07Z'),
      caseId: 'FN.3110.1.2026',
      issuer: 'Urząd Miasta Demo',
    });
    const upp = encode(
      buildUpp({
        id: 'UPP-1',
        deliveredAt: new Date('2026-02-27T20:14:31Z'),
        createdAt: new Date('2026-02-27T20:14:31Z'),
        documentId: 'EPUAP-1',
        sender: { name: 'Jan Kowalski', box: '/jan.kowalski/domyslna' },
        addressee: { name: 'Urząd Miasta Demo', box: '/um-demo/SkrytkaESP' },
      }),
    );
    expect(layout(upp)).toEqual(layout(fixture('epuap-pismo-ogolne.upp.xml')));
    expect(layout(upp)).toContain('DataDoreczenia');
    expect(layout(upd)).not.toContain('DataDoreczenia');
  });
});
