/**
 * Unit symbols as they appear in case signatures: letters and digits, in either case, with at
 * least one letter, optionally followed by hyphenated sub-units (`OR`, `USC`, `AB-LA-I`, `GK2`,
 * and as lawfully `A1c`, `11d`, `b99`). The instrukcja kancelaryjna asks for a symbol of letters
 * and digits, not for capitals: an office that writes `11d` keeps it as it is.
 */
const PART = '[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż0-9]+';
const UNIT_SYMBOL = new RegExp(`^${PART}(?:-${PART})*$`);
const LETTER = /[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż]/;

export function isValidUnitSymbol(symbol: string): boolean {
  return symbol.length <= 40 && UNIT_SYMBOL.test(symbol) && LETTER.test(symbol);
}
