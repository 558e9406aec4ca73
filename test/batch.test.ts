// Batch, pre-commit and pipeline modes, checked by spawning the real binary on temporary folders.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { tree } from './helpers/world.js';
import { bin, root, spawnCli } from './helpers/spawn.js';

const cli = (cwd: string, args: string[], input = '') => spawnCli(args, { cwd, input });
const DIRTY = 'The ferry runs again &amp; on time.\nAdvertisement\n';
const CLEANED = 'The ferry runs again & on time.\n';
const CLEAN = 'Already clean.\n';
const walk = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();

describe('folders and --out-dir', () => {
  it('mirrors the tree below the folder given, .txt only, skipping node_modules and VCS folders', () => {
    const dir = tree({ 'in/a.txt': DIRTY, 'in/sub/b.txt': CLEAN, 'in/notes.md': DIRTY, 'in/node_modules/x/c.txt': DIRTY, 'in/.git/d.txt': DIRTY });
    const r = cli(dir, ['in', '--out-dir', 'out']);
    expect(r.code).toBe(0);
    expect(walk(path.join(dir, 'out'))).toEqual(['a.txt', path.join('sub', 'b.txt')]);
    expect(readFileSync(path.join(dir, 'out/a.txt'), 'utf8')).toBe(CLEANED);
    expect(r.stderr).toMatch(/2 files read, 1 changed by cleaning, 0 failed; 1 block removed/);
  });
  it('--ext picks other extensions; quoted globs are expanded by the tool', () => {
    const dir = tree({ 'in/a.txt': DIRTY, 'in/b.md': DIRTY, 'in/deep/c.md': DIRTY });
    cli(dir, ['in', '--ext', 'md', '--out-dir', 'out']);
    expect(walk(path.join(dir, 'out'))).toEqual(['b.md', path.join('deep', 'c.md')]);
    const g = cli(dir, ['in/**/*.md', '--check']);
    expect(g.stderr).toMatch(/in\/b\.md/);
    expect(g.stderr).toMatch(/in\/deep\/c\.md/);
    expect(g.stderr).not.toMatch(/a\.txt/);
  });
  it('honours .clean-articleignore and --ignore-path', () => {
    const dir = tree({ 'in/a.txt': DIRTY, 'in/raw/b.txt': DIRTY, '.clean-articleignore': 'in/raw/\n', 'other-ignore': 'a.txt\n' });
    expect(cli(dir, ['in', '-l']).stdout).toBe('in/a.txt\n');
    expect(cli(dir, ['in', '-l', '--ignore-path', 'other-ignore']).stdout).toBe('in/raw/b.txt\n');
  });
  it('never follows a symlink out of the folder', () => {
    const dir = tree({ 'in/a.txt': DIRTY, 'outside/secret.txt': DIRTY });
    symlinkSync(path.join(dir, 'outside/secret.txt'), path.join(dir, 'in/link.txt'));
    symlinkSync(path.join(dir, 'outside'), path.join(dir, 'in/linkdir'));
    symlinkSync(path.join(dir, 'in'), path.join(dir, 'in/loop'));
    expect(cli(dir, ['in', '-l']).stdout).toBe('in/a.txt\n');
  });
  it('refuses an --out-dir inside an input folder, or one that would write over an input', () => {
    const dir = tree({ 'in/a.txt': DIRTY });
    const r = cli(dir, ['in', '--out-dir', 'in/clean']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/in\/clean: is inside the input folder in/);
    const r2 = cli(dir, ['in/a.txt', '--out-dir', '.']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/--out-dir would write over the input in\/a\.txt/);
    expect(readFileSync(path.join(dir, 'in/a.txt'), 'utf8')).toBe(DIRTY);
  });
  it('several inputs without an output mode is a usage error', () => {
    const dir = tree({ 'a.txt': DIRTY, 'b.txt': DIRTY });
    const r = cli(dir, ['a.txt', 'b.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/several inputs need --out-dir DIR, --write, --check, --list-different or --format jsonl/);
  });
  it('a bad file inside a folder is reported, the batch goes on, exit 1', () => {
    const dir = tree({ 'in/a.txt': DIRTY, 'in/image.txt': Buffer.from([0x89, 0x50, 0, 1, 2]), 'in/z.txt': DIRTY });
    const r = cli(dir, ['in', '--out-dir', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\/image\.txt: looks like a binary file/);
    expect(walk(path.join(dir, 'out'))).toEqual(['a.txt', 'z.txt']);
    expect(r.stderr).toMatch(/3 files read, 2 changed by cleaning, 1 failed/);
  });
  it('a missing path among several is reported and the rest are cleaned', () => {
    const dir = tree({ 'a.txt': DIRTY });
    const r = cli(dir, ['a.txt', 'gone.txt', '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gone\.txt: no such file or folder/);
    expect(r.stderr).toMatch(/\[warn\] a\.txt: ads\/label/);
  });
});

describe('--check, --list-different, --write', () => {
  it('--check names each file that would change with its rules, summarises, exits 1; 0 when clean', () => {
    const dir = tree({ 'a.txt': DIRTY, 'b.txt': CLEAN });
    const r = cli(dir, ['--check', 'a.txt', 'b.txt']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^\[warn\] a\.txt: ads\/label$/m);
    expect(r.stderr).not.toMatch(/b\.txt/);
    expect(r.stderr).toMatch(/2 files read, 1 would change, 0 failed/);
    expect(r.stderr).toMatch(/run with --write to fix it/);
    expect(cli(dir, ['--check', 'b.txt']).code).toBe(0);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(DIRTY);
  });
  it('-l prints only the paths on stdout; --check with -l is refused up front', () => {
    const dir = tree({ 'd/a.txt': DIRTY, 'd/b.txt': CLEAN, 'd/c.txt': DIRTY });
    expect(cli(dir, ['-l', 'd'])).toMatchObject({ code: 1, stdout: 'd/a.txt\nd/c.txt\n' });
    const both = cli(dir, ['--check', '-l', 'd']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/Cannot use --check and --list-different together/);
  });
  it('--write rewrites only dirty files, keeps mode, leaves clean files untouched, and a second run changes nothing', () => {
    const dir = tree({ 'd/a.txt': DIRTY, 'd/b.txt': CLEAN });
    chmodSync(path.join(dir, 'd/a.txt'), 0o640);
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(dir, 'd/b.txt'), old, old);
    const r = cli(dir, ['--write', '-l', 'd']);
    expect(r).toMatchObject({ code: 0, stdout: 'd/a.txt\n' });
    expect(readFileSync(path.join(dir, 'd/a.txt'), 'utf8')).toBe(CLEANED);
    expect(statSync(path.join(dir, 'd/a.txt')).mode & 0o777).toBe(0o640);
    expect(statSync(path.join(dir, 'd/b.txt')).mtime.getTime()).toBe(old.getTime());
    const again = cli(dir, ['--write', '-l', 'd']);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toMatch(/2 files read, 0 changed/);
    expect(walk(path.join(dir, 'd'))).toEqual(['a.txt', 'b.txt']);
  });
  it('--write never rewrites a file that is not valid UTF-8', () => {
    const dir = tree({ 'a.txt': Buffer.from('caf\xe9 &amp; bar.\n', 'latin1') });
    const r = cli(dir, ['--write', 'a.txt']);
    expect(r.stderr).toMatch(/not rewritten in place: the file is not valid UTF-8/);
    expect(readFileSync(path.join(dir, 'a.txt'), 'latin1')).toBe('caf\xe9 &amp; bar.\n');
  });
  it('--jobs 1 and --jobs 2 give byte-identical output and messages', () => {
    const files: Record<string, string> = {};
    // More files than the threshold below which a batch stays in one thread, so workers really run.
    for (let i = 0; i < 300; i++) files[`in/${String(i).padStart(3, '0')}.txt`] = i % 3 ? `Story ${i} &amp; more.\nAdvertisement\nRead more:\nA headline ${i}\n` : CLEAN;
    files['in/bad.txt'] = '\u0000binary';
    const dir = tree(files);
    const one = cli(dir, ['in', '--out-dir', 'o1', '--jobs', '1', '--quiet']);
    const two = cli(dir, ['in', '--out-dir', 'o2', '--jobs', '2', '--quiet']);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    for (const f of walk(path.join(dir, 'o1'))) expect(readFileSync(path.join(dir, 'o2', f))).toEqual(readFileSync(path.join(dir, 'o1', f)));
    const j1 = cli(dir, ['in', '--format', 'jsonl', '--jobs', '1', '--quiet']);
    const j2 = cli(dir, ['in', '--format', 'jsonl', '--jobs', '2', '--quiet']);
    expect(j2).toEqual(j1);
    expect(j1.stdout.trim().split('\n')).toHaveLength(300);
  });
  it('a SIGKILL part-way through --write leaves every file as it was or exactly cleaned, and the next run sweeps the temp files', async () => {
    const files: Record<string, string> = {};
    const body = 'The harbor board met on Thursday &amp; voted.\nAdvertisement\n'.repeat(200);
    for (let i = 0; i < 1500; i++) files[`d/${String(i).padStart(4, '0')}.txt`] = `${i}\n${body}`;
    const dir = tree(files);
    // What the same batch writes when nothing goes wrong: the only right end state for a file.
    expect(cli(dir, ['d', '--out-dir', 'expected', '--quiet']).code).toBe(0);
    const folder = path.join(dir, 'd');
    const first = path.join(folder, '0000.txt');
    const child = spawn(process.execPath, [bin, '--write', '--jobs', '2', 'd'], { cwd: dir, stdio: 'ignore' });
    // Kill as soon as the first file has been replaced.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (readFileSync(first, 'utf8') !== files['d/0000.txt']) {
          child.kill('SIGKILL');
          clearInterval(poll);
          resolve();
        }
      }, 1);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    let original = 0;
    let cleaned = 0;
    for (const [rel, content] of Object.entries(files)) {
      const now = readFileSync(path.join(dir, rel), 'utf8');
      if (now === content) original++;
      else {
        expect(now).toBe(readFileSync(path.join(dir, 'expected', path.basename(rel)), 'utf8'));
        cleaned++;
      }
    }
    expect(cleaned).toBeGreaterThan(0);
    expect(original).toBeGreaterThan(0);
    const r = cli(dir, ['--write', 'd', '--quiet']);
    expect(r.code).toBe(0);
    const left = readdirSync(folder).filter((n) => !/^\d{4}\.txt$/.test(n));
    expect(left).toEqual([]);
    expect(cli(dir, ['--check', 'd']).code).toBe(0);
  }, 120_000);
});

describe('JSON Lines', () => {
  const records = [
    '{"id": 12345678901234567890, "text": "First &amp; foremost.\\nAdvertisement", "tags": ["a", "b"]}',
    '{not json',
    '{"id": 2, "body": "no text field"}',
    '',
    '{"text":"Second.","nested":{"x":1.50}}',
  ].join('\n') + '\n';
  it('cleans the field, keeps every other byte, one record out per record in, in order; a malformed line passes through (keep)', () => {
    const dir = tree({});
    const r = cli(dir, ['--input-format', 'jsonl'], records);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '{"id": 12345678901234567890, "text": "First & foremost.\\n", "tags": ["a", "b"]}',
        '{not json',
        '{"id": 2, "body": "no text field"}',
        '{"text":"Second.\\n","nested":{"x":1.50}}',
      ].join('\n') + '\n',
    );
    expect(r.stderr).toMatch(/-:2: malformed JSON: .* \(passed through unchanged\)/);
    expect(r.stderr).toMatch(/-:3: the record has no string field "text"/);
    expect(r.stderr).toMatch(/2 records cleaned, 2 changed, 2 not cleaned \(passed through\)/);
  });
  it('--on-error skip drops bad lines; fail stops with exit 1 and leaves no -o file', () => {
    const dir = tree({ 'in.jsonl': records });
    const skip = cli(dir, ['--input-format', 'jsonl', '--on-error', 'skip', 'in.jsonl']);
    expect(skip.stdout.trim().split('\n')).toHaveLength(2);
    const fail = cli(dir, ['--input-format', 'jsonl', '--on-error', 'fail', 'in.jsonl', '-o', 'out.jsonl']);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toMatch(/in\.jsonl:2: malformed JSON/);
    expect(existsSync(path.join(dir, 'out.jsonl'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['in.jsonl']);
  });
  it('--field picks another field; --jobs 2 keeps the order over many chunks', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ n: i, body: `Item ${i} &amp; more.\nAdvertisement` })).join('\n') + '\n';
    const dir = tree({});
    const one = cli(dir, ['--input-format', 'jsonl', '--field', 'body', '--jobs', '1', '--quiet'], lines);
    const two = cli(dir, ['--input-format', 'jsonl', '--field', 'body', '--jobs', '2', '--quiet'], lines);
    expect(two).toEqual(one);
    const out = one.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.n)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(out[7].body).toBe('Item 7 & more.\n');
  });
  it('--format jsonl over files writes one record per file with its source', () => {
    const dir = tree({ 'd/a.txt': DIRTY, 'd/b.txt': CLEAN });
    const r = cli(dir, ['d', '--format', 'jsonl']);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => [x.source, x.text])).toEqual([
      ['d/a.txt', CLEANED],
      ['d/b.txt', CLEAN],
    ]);
    expect(recs[0].removed[0].rule).toBe('ads/label');
  });
});

describe('stdin under --check and -l', () => {
  it('exits 0 for clean text and 1 for text cleaning would change, writing nothing to stdout under --check', () => {
    const dir = tree({});
    expect(cli(dir, ['--check', '-'], CLEAN)).toEqual({ code: 0, stdout: '', stderr: '' });
    const dirty = cli(dir, ['--check', '-'], DIRTY);
    expect(dirty).toMatchObject({ code: 1, stdout: '' });
    expect(dirty.stderr).toBe('[warn] -: ads/label\n');
    expect(cli(dir, ['-l', '-'], DIRTY)).toMatchObject({ code: 1, stdout: '-\n' });
    expect(cli(dir, ['--write', '-'], DIRTY).code).toBe(2);
  });
});

describe('-l -z', () => {
  it('prints NUL-terminated paths, for names with spaces and non-ASCII letters; -z without -l is refused', () => {
    const dir = tree({ 'd/my story.txt': DIRTY, 'd/café.txt': DIRTY, 'd/clean.txt': CLEAN });
    const r = cli(dir, ['d', '-l', '-z']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${path.join('d', 'café.txt')}\0${path.join('d', 'my story.txt')}\0`);
    const z = cli(dir, ['d', '--check', '-z']);
    expect(z.code).toBe(2);
    expect(z.stderr).toMatch(/-z ends the paths -l prints; use it with -l/);
  });
});
