// The fixture folders are the spec: fixtures/<case>/{input.txt, expected.txt, [config.json]}.
// UPDATE_FIXTURES=1 rewrites expected files from the current output (refused under CI).
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, type Config } from '../src/index.js';

const root = path.resolve(import.meta.dirname, '../fixtures');
const update = process.env.UPDATE_FIXTURES === '1' && !process.env.CI;
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'input.txt')))
  .map((d) => d.name)
  .sort();

describe('fixtures', () => {
  it('has the cases the spec names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });
  for (const name of cases) {
    const dir = path.join(root, name);
    const input = readFileSync(path.join(dir, 'input.txt'), 'utf8');
    const configFile = path.join(dir, 'config.json');
    const config: Config | undefined = existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : undefined;
    it(`${name}: output matches expected.txt`, () => {
      const result = clean(input, config);
      const expectedFile = path.join(dir, 'expected.txt');
      if (update) writeFileSync(expectedFile, result.text);
      expect(result.text).toBe(readFileSync(expectedFile, 'utf8'));
    });
    it(`${name}: cleaning the output again changes nothing`, () => {
      const once = clean(input, config).text;
      expect(clean(once, config).text).toBe(once);
    });
  }
});
