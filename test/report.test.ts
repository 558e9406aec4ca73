// --stats and --report on every kind of batch, the merge of shard stats, and a report written when
// the run is interrupted. The page itself is checked in a browser in report-browser.test.ts.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tree } from './helpers/world.js';
import { bin, root, spawnCli } from './helpers/spawn.js';
import type { BatchStats } from '../src/batch/stats.js';

const cli = (cwd: string, args: string[]) => spawnCli(args, { cwd });
const fixtureInputs = () =>
  readdirSync(path.join(root, 'fixtures'))
    .filter((d) => existsSync(path.join(root, 'fixtures', d, 'input.txt')))
    .sort()
    .map((d) => readFileSync(path.join(root, 'fixtures', d, 'input.txt'), 'utf8'));
const read = (dir: string, f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as BatchStats;

/** The figures without what names the run (command, time) or the shard (source names). */
function figures(s: BatchStats) {
  return {
    ...s,
    commands: undefined,
    seconds: undefined,
    top: s.top.map((d) => ({ ...d, source: undefined })),
    warnings: s.warnings.map((w) => w.message).sort(),
  };
}

describe('--stats and clean-article report', () => {
  it('stats of JSON Lines shards, merged in any order, equal the stats of one run over all records', () => {
    const texts = fixtureInputs();
    expect(texts.length).toBeGreaterThan(20);
    // Each text twice: more documents lose words than the 20 the stats keep, so the cut is tested too.
    const records = [...texts, ...texts].map((text, i) => JSON.stringify({ id: i, text }));
    const shards = [records.slice(0, 19), records.slice(19, 40), records.slice(40)];
    const files: Record<string, string> = { 'all.jsonl': records.join('\n') + '\n' };
    shards.forEach((s, i) => (files[`part-${i}.jsonl`] = s.join('\n') + '\n'));
    const dir = tree(files);
    expect(cli(dir, ['--input-format', 'jsonl', 'all.jsonl', '-o', 'all.out.jsonl', '--stats', 'all.json']).code).toBe(0);
    for (let i = 0; i < 3; i++) expect(cli(dir, ['--input-format', 'jsonl', `part-${i}.jsonl`, '-o', `part-${i}.out.jsonl`, '--stats', `part-${i}.json`]).code).toBe(0);
    const whole = read(dir, 'all.json');
    expect(whole.documents).toBe(records.length);
    expect(whole.removedWords).toBeGreaterThan(0);
    expect(Object.keys(whole.rules).length).toBeGreaterThan(5);
    expect(whole.top.length).toBe(20);
    const orders = [
      ['part-0.json', 'part-1.json', 'part-2.json'],
      ['part-2.json', 'part-0.json', 'part-1.json'],
      ['part-1.json', 'part-2.json', 'part-0.json'],
    ];
    const merged = orders.map((order, k) => {
      const r = cli(dir, ['report', ...order, '--stats', `merged-${k}.json`, '--report', `merged-${k}.html`]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(path.join(dir, `merged-${k}.html`), 'utf8')).toMatch(/^<!doctype html>/);
      return read(dir, `merged-${k}.json`);
    });
    // Byte for byte the same file whatever the order (the summed run time aside: float sums).
    const bytes = (s: BatchStats) => JSON.stringify({ ...s, seconds: 0 });
    expect(bytes(merged[1])).toBe(bytes(merged[0]));
    expect(bytes(merged[2])).toBe(bytes(merged[0]));
    expect(figures(merged[0])).toEqual(figures(whole));
    expect(merged[0].commands.length).toBe(3);
  });

  it('report refuses what is not a stats file, naming it and the reason', () => {
    const dir = tree({ 'x.json': '{"format":"clean-article-counts","version":1}', 'old.json': '{"format":"clean-article-stats","version":99}' });
    const r = cli(dir, ['report', 'x.json', '--report', 'r.html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.json: not a stats file/);
    expect(cli(dir, ['report', 'old.json', '--report', 'r.html']).stderr).toMatch(/old\.json: stats version 99; this clean-article reads version 1/);
    expect(cli(dir, ['report', 'x.json']).code).toBe(2);
    expect(existsSync(path.join(dir, 'r.html'))).toBe(false);
  });

  it('a folder batch, one file and learn each write stats; learn lists the blocks it learned', () => {
    const dir = tree({ 'one.txt': fixtureInputs()[0] });
    cpSync(path.join(root, 'fixtures/across/input'), path.join(dir, 'articles'), { recursive: true });
    const batch = cli(dir, ['articles', '--check', '--stats', 'batch.json']);
    expect(batch.code).toBe(1);
    const b = read(dir, 'batch.json');
    expect(b.documents).toBe(8);
    expect(b.rules['repeated/across-documents'].documents).toBe(8);
    expect(b.learned.map((l) => l.text)).toContain('Advertise with the Lantern');
    const one = cli(dir, ['one.txt', '--stats', 'one.json', '-o', 'one.clean.txt']);
    expect(one.code, one.stderr).toBe(0);
    expect(read(dir, 'one.json').documents).toBe(1);
    const learn = cli(dir, ['learn', 'articles', '--group-by', 'folder', '--stats', 'learn.json', '--report', 'learn.html', '-o', 'rules.yaml']);
    expect(learn.code, learn.stderr).toBe(0);
    const l = read(dir, 'learn.json');
    expect(l.documents).toBe(8);
    expect(l.learned.find((x) => x.text === 'Advertise with the Lantern')?.documents).toBe(4);
    expect(readFileSync(path.join(dir, 'learn.html'), 'utf8')).toContain('Advertise with the Lantern');
  });

  it('never writes a report over an input', () => {
    const dir = tree({ 'a.txt': 'The ferry runs again.\nAdvertisement\n', 'b.txt': 'The pier is open.\n' });
    const r = cli(dir, ['a.txt', 'b.txt', '--check', '--report', 'b.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.txt: is one of the inputs/);
    expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('The pier is open.\n');
    expect(cli(dir, ['a.txt', '--stats', 'a.txt']).code).toBe(2);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('The ferry runs again.\nAdvertisement\n');
  });

  it('Ctrl-C during a batch writes the report of what was done, marked partial, and exits 130', async () => {
    const texts = fixtureInputs();
    const files: Record<string, string> = {};
    for (let i = 0; i < 6000; i++) files[`in/${String(i).padStart(5, '0')}.txt`] = texts[i % texts.length];
    const dir = tree(files);
    const child = spawn(process.execPath, [bin, 'in', '--check', '--no-across', '--jobs', '1', '--stats', 'partial.json', '--report', 'partial.html'], { cwd: dir, env: { PATH: process.env.PATH ?? '', CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Wait until cleaning has begun (the first "[warn]" line), then interrupt.
    await new Promise<void>((resolve) => {
      const onData = () => {
        if (/\[warn\]/.test(stderr)) {
          child.stderr.off('data', onData);
          resolve();
        }
      };
      child.stderr.on('data', onData);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code, stderr.slice(-500)).toBe(130);
    expect(stderr).toMatch(/interrupted; the report and stats cover the documents done so far/);
    const s = read(dir, 'partial.json');
    expect(s.partial).toBe(true);
    expect(s.documents).toBeGreaterThan(0);
    expect(s.documents).toBeLessThan(6000);
    expect(readFileSync(path.join(dir, 'partial.html'), 'utf8')).toMatch(/The run was interrupted/);
    // Nothing half-written: no temp files beside the outputs.
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);
});

describe('the stats file is small', () => {
  it('holds at most 20 documents in context however large the batch', () => {
    const texts = fixtureInputs();
    const records = Array.from({ length: 400 }, (_, i) => JSON.stringify({ text: texts[i % texts.length] }));
    const dir = tree({ 'big.jsonl': records.join('\n') + '\n' });
    writeFileSync(path.join(dir, 'marker'), '');
    expect(cli(dir, ['--input-format', 'jsonl', 'big.jsonl', '-o', 'out.jsonl', '--stats', 's.json']).code).toBe(0);
    const s = read(dir, 's.json');
    expect(s.documents).toBe(400);
    expect(s.top.length).toBe(20);
    expect(s.histogram.reduce((a, b) => a + b, 0)).toBe(400);
  });
});
