// The CLI's spec as folders: fixtures/cli/<case>/{args, [stdin], stdout, stderr, code}. `args` holds
// one argument a line; the binary runs in the case's folder (so its files are there) with a clean
// environment, and its stdout, stderr and exit code must be exactly the ones written down.
// UPDATE_FIXTURES=1 rewrites them from the current output (refused under CI).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, spawnCli } from './helpers/spawn.js';

const cases = path.join(root, 'fixtures/cli');
const update = process.env.UPDATE_FIXTURES === '1' && !process.env.CI;
const read = (dir: string, f: string) => (existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f), 'utf8') : undefined);

describe('CLI cases', () => {
  const names = readdirSync(cases).sort();
  it('has cases', () => expect(names.length).toBeGreaterThanOrEqual(10));
  for (const name of names) {
    it(name, () => {
      const dir = path.join(cases, name);
      const args = (read(dir, 'args') ?? '').split('\n').filter((a) => a !== '');
      const stdin = existsSync(path.join(dir, 'stdin')) ? readFileSync(path.join(dir, 'stdin')) : '';
      const r = spawnCli(args, { cwd: dir, input: stdin });
      if (update) {
        writeFileSync(path.join(dir, 'stdout'), r.stdout);
        writeFileSync(path.join(dir, 'stderr'), r.stderr);
        writeFileSync(path.join(dir, 'code'), `${r.code}\n`);
      }
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: Number(read(dir, 'code')), stdout: read(dir, 'stdout'), stderr: read(dir, 'stderr') });
    });
  }
});
