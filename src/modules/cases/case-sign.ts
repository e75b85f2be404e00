import { isValidUnitSymbol } from '../org/unit-symbol.ts';

/**
 * Znak sprawy: `UNIT.SYMBOL.NUMBER.YEAR` (`OR.1431.12.2025`), for a divided case
 * `UNIT.SYMBOL.NUMBER.SUB.YEAR`. UNIT: the unit's symbol; SYMBOL: a JRWA class; NUMBER from 1.
 */
export interface CaseSign {
  unit: string;
  symbol: string;
  number: number;
  sub?: number;
  year: number;
}

const POSITIVE = /^[1-9]\d{0,6}$/;

export function parseCaseSign(sign: string): CaseSign | null {
  const parts = sign.split('.');
  if (parts.length !== 4 && parts.length !== 5) return null;
  const [unit = '', symbol = '', number = '', ...rest] = parts;
  const year = rest.at(-1) ?? '';
  const sub = parts.length === 5 ? rest[0] : undefined;
  if (!isValidUnitSymbol(unit)) return null;
  if (!/^\d{1,6}$/.test(symbol)) return null;
  if (!POSITIVE.test(number)) return null;
  if (sub !== undefined && !POSITIVE.test(sub)) return null;
  if (!/^(19|20)\d{2}$/.test(year)) return null;
  return {
    unit,
    symbol,
    number: Number(number),
    ...(sub !== undefined ? { sub: Number(sub) } : {}),
    year: Number(year),
  };
}

export function formatCaseSign(sign: CaseSign): string {
  const sub = sign.sub !== undefined ? `.${sign.sub}` : '';
  return `${sign.unit}.${sign.symbol}.${sign.number}${sub}.${sign.year}`;
}

export function isValidCaseSign(sign: string): boolean {
  return parseCaseSign(sign) !== null;
}
