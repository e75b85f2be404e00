/**
 * The plain-text markup of a letter body, shared by templates and the PDF renderer:
 * - blocks are separated by one or more blank lines;
 * - a line starting with `# ` is a heading (a block of its own);
 * - other lines of a block are kept as line breaks inside one paragraph;
 * - a line starting with `\#` is literal text: one leading backslash is dropped, so any text can
 *   be written (`\# 1` shows `# 1`, `\\# 1` shows `\# 1`).
 */
export type LetterBlock =
  { kind: 'heading'; text: string } | { kind: 'paragraph'; lines: string[] };

const HEADING = /^#[ \t]+(\S.*)$/;
const ESCAPED_HASH = /^\\+#/;
const MARKUP_AT_LINE_START = /^(\s*)(\\*#)/;

export function parseLetterBody(body: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let lines: string[] = [];
  const closeParagraph = () => {
    if (lines.length > 0) blocks.push({ kind: 'paragraph', lines });
    lines = [];
  };

  for (const rawLine of normaliseLineBreaks(body).split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      closeParagraph();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeParagraph();
      blocks.push({ kind: 'heading', text: heading[1]!.trim() });
      continue;
    }
    lines.push(ESCAPED_HASH.test(line) ? line.slice(1) : line);
  }
  closeParagraph();
  return blocks;
}

/**
 * Makes a line of user text render literally when it starts a line of the body: it can then never
 * turn into a heading, whatever it holds.
 */
export function escapeLineStart(line: string): string {
  return line.replace(MARKUP_AT_LINE_START, '$1\\$2');
}

export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
