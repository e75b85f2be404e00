/**
 * Unit symbols as they appear in case signatures: letters and digits with at least one letter,
 * optionally followed by hyphenated sub-units (`OR`, `USC`, `AB-LA-I`, `GK2`).
 */
const UNIT_SYMBOL = /^[A-ZĄĆĘŁŃÓŚŹŻ0-9]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ0-9]+)*$/;

export function isValidUnitSymbol(symbol: string): boolean {
  return symbol.length <= 40 && UNIT_SYMBOL.test(symbol) && /[A-ZĄĆĘŁŃÓŚŹŻ]/.test(symbol);
}
