import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const modules = readdirSync(`${root}src/modules`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('the modules of src/modules', () => {
  it('each declare who may do what in their own *.policy.ts', () => {
    expect(modules.filter((m) => !existsSync(`${root}src/modules/${m}/${m}.policy.ts`))).toEqual(
      [],
    );
  });

  it('each have their place in a layer of the lint rule (else they would import anything)', async () => {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(
      `${root}src/modules/cases/cases.usecases.ts`,
    )) as { settings: { 'boundaries/elements': Array<{ type: string; pattern: string }> } };
    const layered = config.settings['boundaries/elements']
      .filter((element) => element.pattern.startsWith('src/modules/'))
      .map((element) => element.pattern.slice('src/modules/'.length))
      .sort();
    expect(layered).toEqual(modules);
  });
});
