import { type Document, DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { webcrypto } from 'node:crypto';

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XADES_NS_PREFIX = 'http://uri.etsi.org/01903/';
export const SHA256_URI = 'http://www.w3.org/2001/04/xmlenc#sha256';

export type Xades = typeof import('xadesjs');
let engine: Promise<Xades> | undefined;

/**
 * xadesjs, loaded on first use (it is the largest library a process would otherwise load at
 * start, and most requests never sign). It keeps its WebCrypto engine and DOM implementation in
 * module-wide state: we give it Node's own WebCrypto (the same one that makes our keys, so keys
 * pass between libraries) and xmldom. XPath transforms stay unsupported: no signature we produce
 * or expect uses them.
 */
export function xmlDsigEngine(): Promise<Xades> {
  engine ??= import('xadesjs').then((xades) => {
    xades.Application.setEngine('NodeJS', webcrypto);
    xades.setNodeDependencies({ DOMParser, XMLSerializer, DOMImplementation });
    return xades;
  });
  return engine;
}

export class XmlParseError extends Error {}

/**
 * Parses XML strictly: any well-formedness error throws, and documents with a DOCTYPE are
 * refused (no signed document we handle has one, and entity tricks live there).
 */
export function parseXmlStrictly(xml: string): Document {
  let firstError: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'warning') return;
      firstError ??= message;
      throw new XmlParseError(message);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(xml, 'application/xml');
  } catch (error) {
    // xmldom rethrows what onError throws wrapped in its own ParseError.
    throw new XmlParseError(firstError ?? (error as Error).message);
  }
  if (!document?.documentElement) throw new XmlParseError('empty document');
  if (document.doctype) throw new XmlParseError('DOCTYPE is not allowed');
  return document;
}
