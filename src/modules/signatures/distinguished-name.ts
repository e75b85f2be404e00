import forge from 'node-forge';

/**
 * Distinguished names as text. X.509 stores a name as a sequence of attributes, most general
 * first (C, O, CN); RFC 4514 writes them the other way round (CN, O, C).
 */

/** Attribute keywords RFC 4514 defines; any other attribute is written as its OID. */
const RFC4514_KEYWORDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** Keywords for the names people read in a validation report (as OpenSSL and Windows show them). */
const READABLE_KEYWORDS: Record<string, string> = {
  ...RFC4514_KEYWORDS,
  '2.5.4.4': 'SURNAME',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.12': 'TITLE',
  '2.5.4.42': 'GIVENNAME',
  '2.5.4.97': 'ORGANIZATIONIDENTIFIER',
  '1.2.840.113549.1.9.1': 'E',
};

export interface NameAttribute {
  oid: string;
  value: string;
  /** DER of the attribute value, for the `#hex` form of RFC 4514. */
  valueDer: string;
}

/** Reads the attributes of a DER-encoded Name in stored order. */
export function readNameAttributes(nameDer: Uint8Array | ArrayBuffer): NameAttribute[] {
  const name = forge.asn1.fromDer(forge.util.binary.raw.encode(new Uint8Array(nameDer)));
  const attributes: NameAttribute[] = [];
  for (const rdn of name.value as forge.asn1.Asn1[]) {
    for (const typeAndValue of rdn.value as forge.asn1.Asn1[]) {
      const [type, value] = typeAndValue.value as forge.asn1.Asn1[];
      attributes.push({
        oid: forge.asn1.derToOid(type!.value as string),
        value: decodeString(value!),
        valueDer: forge.asn1.toDer(value!).toHex(),
      });
    }
  }
  return attributes;
}

/**
 * Strict RFC 4514 form, as XAdES `X509IssuerName` expects and Java-based validators parse:
 * attributes without a keyword become `OID=#hex`.
 */
export function formatRfc4514(nameDer: Uint8Array | ArrayBuffer): string {
  return readNameAttributes(nameDer)
    .reverse()
    .map(({ oid, value, valueDer }) => {
      const keyword = RFC4514_KEYWORDS[oid];
      return keyword ? `${keyword}=${escapeValue(value)}` : `${oid}=#${valueDer}`;
    })
    .join(',');
}

/** The name for people: `SERIALNUMBER=PNOPL-80010112345, CN=Joanna Dąbrowska, C=PL`. */
export function formatReadableName(nameDer: Uint8Array | ArrayBuffer): string {
  return readNameAttributes(nameDer)
    .reverse()
    .map(({ oid, value }) => `${READABLE_KEYWORDS[oid] ?? oid}=${escapeValue(value)}`)
    .join(', ');
}

function decodeString(value: forge.asn1.Asn1): string {
  const bytes = typeof value.value === 'string' ? value.value : '';
  switch (value.type) {
    case forge.asn1.Type.UTF8:
      return forge.util.decodeUtf8(bytes);
    case forge.asn1.Type.BMPSTRING: {
      let text = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        text += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
      }
      return text;
    }
    default:
      // PrintableString, IA5String, TeletexString: single-byte characters.
      return bytes;
  }
}

function escapeValue(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}
