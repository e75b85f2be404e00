import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary errors `npm run lint` reports for `code` placed at `filePath` in src/. */
async function boundaryErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').length;
}

describe('the layering rule of npm run lint (eslint.config.js)', () => {
  it('refuses an import from a lower module to a higher one', async () => {
    const code = `import { closeCase } from '../case-closing/case-closing.usecases.ts';\nexport const x = closeCase;\n`;
    expect(await boundaryErrors('src/modules/documents/probe.ts', code)).toBe(1);
  });

  it('refuses an import between two modules of one layer', async () => {
    const code = `import { registerOutgoing } from '../dispatch/dispatch.usecases.ts';\nexport const x = registerOutgoing;\n`;
    expect(await boundaryErrors('src/modules/approvals/probe.ts', code)).toBe(1);
  });

  it('refuses an import from platform/ into modules/', async () => {
    const code = `import { getCaseOrThrow } from '../modules/cases/cases.usecases.ts';\nexport const x = getCaseOrThrow;\n`;
    expect(await boundaryErrors('src/platform/probe.ts', code)).toBe(1);
  });

  it('allows a module the shared core, the settings and the modules below it', async () => {
    const code = [
      `import { runInTransaction } from '../../platform/record/transaction.ts';`,
      `import type { Settings } from '../../config.ts';`,
      `import { getCaseOrThrow } from '../cases/cases.usecases.ts';`,
      `import { canMove } from '../documents/document-lifecycle.ts';`,
      `export type S = Settings;`,
      `export const x = [runInTransaction, getCaseOrThrow, canMove];`,
    ].join('\n');
    expect(await boundaryErrors('src/modules/dispatch/probe.ts', code)).toBe(0);
  });
});
