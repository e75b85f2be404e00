/**
 * One CSV cell, quoted. A text that a spreadsheet would read as a formula (it starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return: `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) gets a leading
 * apostrophe, so that Excel and LibreOffice show it as the text it is and never run it (OWASP,
 * "CSV injection"). Numbers are written as numbers.
 */
export function csvCell(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : String(value ?? '');
  const safe = typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}
