// The CLI contract, checked by spawning the real binary (bin/ → dist/, built by `npm test`'s pretest).
import { spawnSync } from 'node:child_process';
import { bin, root, spawnCli } from './helpers/spawn.js';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';

const fixture = (name: string, file: string) => path.join(root, 'fixtures', name, file);
const seedIn = fixture('article-seed-shape', 'input.txt');
const seedOut = readFileSync(fixture('article-seed-shape', 'expected.txt'), 'utf8');

const cli = spawnCli;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'clean-article-'));
const ESC = '\u001b[';

describe('clean-article CLI', () => {
  it('cleans a file to stdout', () => {
    expect(cli([seedIn])).toEqual({ code: 0, stdout: seedOut, stderr: '' });
  });
  it('cleans stdin when no path is given, and with -', () => {
    const input = readFileSync(seedIn);
    expect(cli([], { input })).toEqual({ code: 0, stdout: seedOut, stderr: '' });
    expect(cli(['-'], { input }).stdout).toBe(seedOut);
  });
  it('-o writes the file and nothing to stdout', () => {
    const out = path.join(tmp(), 'clean.txt');
    expect(cli([seedIn, '-o', out])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(seedOut);
  });
  it('-o refuses to write over its own input, with exit 2, leaving it intact', () => {
    const dir = tmp();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Advertisement\nText.\n');
    const r = cli(['a.txt', '-o', './a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.txt: is the input file; refusing to write over it/);
    expect(readFileSync(file, 'utf8')).toBe('Advertisement\nText.\n');
  });
  it('-o into a folder that does not exist is one clear error, exit 1', () => {
    const r = cli([seedIn, '-o', path.join(tmp(), 'no', 'such', 'out.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out\.txt: cannot be written: no such file \(create its folder first\)/);
    expect(r.stderr).not.toMatch(/\s+at /);
  });
  it('--format json gives the result with every removal, its rule and its lines', () => {
    const r = cli([seedIn, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.source).toBe(seedIn);
    expect(json.text).toBe(seedOut);
    expect(json.paragraphs).toHaveLength(9);
    expect(json.removed).toHaveLength(12);
    for (const rem of json.removed) {
      expect(rem).toEqual({ rule: expect.stringMatching(/^[a-z]+\/[a-z-]+$/), reason: expect.any(String), text: expect.any(String), lines: [expect.any(Number), expect.any(Number)] });
    }
    expect(json.removed.map((x: { rule: string }) => x.rule)).toContain('legal/all-rights-reserved');
    expect(json.stats).toMatchObject({ entitiesDecoded: 16, doubleEncodingsRepaired: 0, paragraphsKept: 9 });
  });
  it.each([
    ['a missing file', ['no-such-file.txt'], /no-such-file\.txt: no such file/],
    ['a directory', ['fixtures'], /fixtures: is a directory, not a file/],
  ])('%s fails with exit 1 and one line naming it, no stack trace', (_, args, message) => {
    const r = cli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\s+at /);
  });
  it('a binary file fails with exit 1', () => {
    const file = path.join(tmp(), 'image.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const r = cli([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/image\.png: is a PNG image, not text/);
  });
  it('invalid UTF-8 is replaced, with a warning naming the file', () => {
    const file = path.join(tmp(), 'latin1.txt');
    writeFileSync(file, Buffer.from('caf\xe9 au lait.\n', 'latin1'));
    const r = cli([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('caf\ufffd au lait.\n');
    expect(r.stderr).toMatch(/latin1\.txt: invalid UTF-8: 1 byte sequence replaced/);
  });
  it('--help shows examples and exits 0; --version prints the package version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
  it('bin/clean-article.js (the documented entry) forwards to the CommonJS shim: output and exit code', () => {
    const js = path.join(root, 'bin/clean-article.js');
    const ok = spawnSync(process.execPath, [js], { input: 'Tom &amp; Jerry\n', encoding: 'utf8' });
    expect({ code: ok.status, stdout: ok.stdout }).toEqual({ code: 0, stdout: 'Tom & Jerry\n' });
    const missing = spawnSync(process.execPath, [js, 'no-such-file.txt'], { cwd: root, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-file\.txt: no such file/);
  });
  describe('colour on stderr, decided in one place', () => {
    const explain = (env: Record<string, string>, ...flags: string[]) => cli([seedIn, '--explain', ...flags], { env }).stderr;
    it('no colour when stderr is not a terminal', () => expect(explain({})).not.toContain(ESC));
    it('FORCE_COLOR turns it on', () => expect(explain({ FORCE_COLOR: '1' })).toContain(ESC));
    it('NO_COLOR beats FORCE_COLOR', () => expect(explain({ NO_COLOR: '1', FORCE_COLOR: '1' })).not.toContain(ESC));
    it('--color beats NO_COLOR', () => expect(explain({ NO_COLOR: '1' }, '--color')).toContain(ESC));
    it('--no-color beats FORCE_COLOR', () => expect(explain({ FORCE_COLOR: '3' }, '--no-color')).not.toContain(ESC));
    it('stdout is never coloured', () => expect(cli([seedIn, '--color'], { env: { FORCE_COLOR: '3' } }).stdout).toBe(seedOut));
  });
  it('--explain lists each removal with its lines and rule', () => {
    const r = cli([seedIn, '--explain']);
    expect(r.stderr).toMatch(/removed \d+ items/);
    expect(r.stderr).toMatch(/\d+-\d+ {2}promo\/click-here {2}matched "CLICK HERE/);
  });
  it('with a terminal on stdin and no input, says so and exits 2 (in-process)', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d) => (err += d));
    const code = await run({ argv: [], stdin, stdout, stderr, env: {}, cwd: root });
    expect(code).toBe(2);
    expect(err).toMatch(/no input/);
    expect(existsSync(bin)).toBe(true);
  });
});

describe('unexpected file-system failures', () => {
  it('learn -o into a missing folder is one line naming the path, exit 1', () => {
    const r = cli(['learn', 'fixtures/across/input', '-o', path.join(tmp(), 'missing', 'rules.yaml'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^clean-article: error: \S*missing\/rules\.yaml: no such file/m);
    expect(r.stderr).not.toMatch(/\s+at /);
  });
});
