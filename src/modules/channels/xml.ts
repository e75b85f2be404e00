import type { Element } from '@xmldom/xmldom';
import { parseXmlStrictly, XmlParseError } from '../signatures/xml-dsig-engine.ts';

/** Namespaces of the central repository of electronic document templates (CRD) used by ePUAP. */
export const CRD = {
  wnio: 'http://crd.gov.pl/wzor/2013/12/12/1410/',
  meta: 'http://crd.gov.pl/xml/schematy/meta/2009/11/16/',
  str: 'http://crd.gov.pl/xml/schematy/struktura/2009/11/16/',
  adr: 'http://crd.gov.pl/xml/schematy/adres/2009/11/09/',
  oso: 'http://crd.gov.pl/xml/schematy/osoba/2009/11/16/',
  inst: 'http://crd.gov.pl/xml/schematy/instytucja/2009/11/16/',
  upo: 'http://crd.gov.pl/xml/schematy/UPO/2008/05/09/',
} as const;

export { XmlParseError };

/** Parses XML bytes (UTF-8) strictly: no DOCTYPE, any well-formedness error throws. */
export function parseXmlBytes(bytes: Uint8Array): Element {
  const text = new TextDecoder('utf-8').decode(bytes);
  return parseXmlStrictly(text).documentElement as unknown as Element;
}

/**
 * `parseXmlBytes` for what came from outside: a document that is not well-formed XML becomes the
 * caller's coded refusal (malformed message, malformed proof) with the parser's reason.
 */
export function parseReceivedXml(
  bytes: Uint8Array,
  refusal: (details: { reason: string }) => Error,
): Element {
  try {
    return parseXmlBytes(bytes);
  } catch (error) {
    if (error instanceof XmlParseError) throw refusal({ reason: error.message });
    throw error;
  }
}

/** Direct children of `parent` with the given namespace and local name. */
export function children(parent: Element | null | undefined, ns: string, name: string): Element[] {
  if (!parent) return [];
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (node.nodeType === 1 && element.namespaceURI === ns && element.localName === name) {
      found.push(element);
    }
  }
  return found;
}

export function child(parent: Element | null | undefined, ns: string, name: string) {
  return children(parent, ns, name)[0] ?? null;
}

/** Follows a path of [namespace, name] steps through first children. */
export function path(start: Element | null, ...steps: Array<[string, string]>): Element | null {
  let current = start;
  for (const [ns, name] of steps) current = child(current, ns, name);
  return current;
}

/** Trimmed text with runs of white space folded, or undefined when empty. */
export function text(element: Element | null | undefined): string | undefined {
  const value = element?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/** Escapes text for an XML element or attribute value. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
