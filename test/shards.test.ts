// JSON Lines corpora in shards: records grouped by site, counted shard by shard, counts merged,
// every shard cleaned with the merged counts; the result must be the one process's result.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tree } from './helpers/world.js';
import { spawnCli } from './helpers/spawn.js';
import { jsonl, records } from './helpers/records.js';

const cli = (cwd: string, args: string[], input = '') => spawnCli(args, { cwd, input });


describe('sharded JSON Lines: count, merge, clean', () => {
  it('eight shards counted, merged and cleaned give the bytes one process gives', () => {
    const all = records(96);
    const files: Record<string, string> = { 'all.jsonl': jsonl(all) };
    for (let k = 0; k < 8; k++) files[`part-${k}.jsonl`] = jsonl(all.slice(k * 12, (k + 1) * 12));
    const dir = tree(files);
    const one = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', 'all.jsonl', '-o', 'one.jsonl']);
    expect(one.code, one.stderr).toBe(0);
    const oneOut = readFileSync(path.join(dir, 'one.jsonl'), 'utf8');
    // The boilerplate went, the prose stayed.
    expect(oneOut).not.toContain('become a member today');
    expect(oneOut).toContain('reopened on day 95');
    for (let k = 0; k < 8; k++) {
      const r = cli(dir, ['learn', '--input-format', 'jsonl', '--group-field', 'domain', `part-${k}.jsonl`, '--counts-out', `part-${k}.counts.gz`, '-q']);
      expect(r.code, r.stderr).toBe(0);
    }
    const merge = cli(dir, ['learn', '--merge', ...Array.from({ length: 8 }, (_, k) => `part-${k}.counts.gz`), '--counts-out', 'merged.counts.gz', '-q']);
    expect(merge.code, merge.stderr).toBe(0);
    let sharded = '';
    for (let k = 0; k < 8; k++) {
      const r = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', '--counts', 'merged.counts.gz', `part-${k}.jsonl`, '-o', `clean-${k}.jsonl.gz`]);
      expect(r.code, r.stderr).toBe(0);
      sharded += gunzipSync(readFileSync(path.join(dir, `clean-${k}.jsonl.gz`))).toString('utf8');
    }
    expect(sharded).toBe(oneOut);
  });

  it('merging is order-free and associative, and equals counting everything at once', () => {
    const all = records(40);
    const files: Record<string, string> = { 'all.jsonl': jsonl(all) };
    for (let k = 0; k < 4; k++) files[`p${k}.jsonl`] = jsonl(all.filter((_, i) => i % 4 === k));
    const dir = tree(files);
    const learn = (args: string[]) => expect(cli(dir, ['learn', ...args, '-q']).code).toBe(0);
    learn(['--input-format', 'jsonl', '--group-field', 'domain', 'all.jsonl', '--counts-out', 'all.counts']);
    for (let k = 0; k < 4; k++) learn(['--input-format', 'jsonl', '--group-field', 'domain', `p${k}.jsonl`, '--counts-out', `p${k}.counts`]);
    learn(['--merge', 'p2.counts', 'p0.counts', 'p3.counts', 'p1.counts', '--counts-out', 'shuffled.counts']);
    learn(['--merge', 'p0.counts', 'p1.counts', '--counts-out', 'ab.counts']);
    learn(['--merge', 'p3.counts', 'p2.counts', '--counts-out', 'cd.counts']);
    learn(['--merge', 'cd.counts', 'ab.counts', '--counts-out', 'nested.counts']);
    const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
    expect(read('shuffled.counts')).toBe(read('nested.counts'));
    // The one run names records all.jsonl:N, the shards pN.jsonl:M, so the example each block keeps
    // (the first by name) differs: the groups, their documents and every block's count must not.
    const strip = (s: string) =>
      s
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        // A block line is [documents, example record, example text]: compare documents and fingerprint.
        .map((v) => (Array.isArray(v) ? [v[0], String(v[2]).toLowerCase().replace(/\d+/g, '#')] : v));
    expect(strip(read('shuffled.counts'))).toEqual(strip(read('all.counts')));
    // JSON Lines, version 2: a header, then a line per group and per block.
    expect(JSON.parse(read('all.counts').split('\n')[0])).toMatchObject({ format: 'clean-article-counts', version: 2 });
  });

  it('pruned counts clean the same, are smaller, and are refused where they would be wrong', () => {
    const all = records(60);
    const dir = tree({ 'all.jsonl': jsonl(all) });
    const ok = (args: string[]) => {
      const r = cli(dir, args);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    ok(['learn', '--input-format', 'jsonl', '--group-field', 'domain', 'all.jsonl', '--counts-out', 'full.counts', '-q']);
    ok(['learn', '--merge', 'full.counts', '--counts-out', 'pruned.counts', '--prune', '-q']);
    const size = (f: string) => readFileSync(path.join(dir, f)).length;
    expect(size('pruned.counts')).toBeLessThan(size('full.counts') / 2);
    const full = ok(['--input-format', 'jsonl', '--group-field', 'domain', '--counts', 'full.counts', 'all.jsonl']);
    const pruned = ok(['--input-format', 'jsonl', '--group-field', 'domain', '--counts', 'pruned.counts', 'all.jsonl']);
    expect(pruned.stdout).toBe(full.stdout);
    const merge = cli(dir, ['learn', '--merge', 'pruned.counts', 'full.counts', '--counts-out', 'x.counts']);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toMatch(/pruned\.counts: holds pruned counts/);
    const lower = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', '--counts', 'pruned.counts', '--min-docs', '2', 'all.jsonl']);
    expect(lower.code).toBe(1);
    expect(lower.stderr).toMatch(/was pruned at min-docs 3/);
  });

  it('counts made with other settings are refused, by a merge and by a clean', () => {
    const dir = tree({ 'all.jsonl': jsonl(records(12)) });
    expect(cli(dir, ['learn', '--input-format', 'jsonl', '--group-field', 'domain', '--max-words', '30', 'all.jsonl', '--counts-out', 'c30.counts', '-q']).code).toBe(0);
    const merge = cli(dir, ['learn', '--merge', 'c30.counts', '--counts-out', 'm.counts']);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toMatch(/c30\.counts: was counted with maskDigits true, maxWords 30; this run uses true, 60/);
    const clean = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', '--counts', 'c30.counts', 'all.jsonl']);
    expect(clean.code).toBe(1);
    expect(clean.stderr).toMatch(/c30\.counts: was counted with maskDigits true, maxWords 30/);
  });

  it('counts files of version 1 (one JSON object) are still read', () => {
    const v1 = { format: 'clean-article-counts', version: 1, maskDigits: true, maxWords: 60, groups: { g: { docs: 4, blocks: { 'subscribe now': [4, 'a.txt', 'Subscribe now'] } } } };
    const dir = tree({ 'old.json': JSON.stringify(v1) + '\n' });
    const r = cli(dir, ['learn', '--merge', 'old.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rules.map((x: { text: string }) => x.text)).toEqual(['Subscribe now']);
  });

  it('stdin can be read once: repeats across records there need --counts, and say so', () => {
    const all = records(12);
    const dir = tree({ 'all.jsonl': jsonl(all) });
    const r = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain'], jsonl(all));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stdin can be read only once/);
    expect(r.stderr).toMatch(/--counts-out/);
    expect(cli(dir, ['learn', '--input-format', 'jsonl', '--group-field', 'domain', 'all.jsonl', '--counts-out', 'c.json', '-q']).code).toBe(0);
    const piped = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', '--counts', 'c.json'], jsonl(all));
    expect(piped.code, piped.stderr).toBe(0);
    const file = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', 'all.jsonl']);
    expect(piped.stdout).toBe(file.stdout);
    expect(piped.stdout).not.toContain('become a member today');
  });

  it('--group-by url-host groups by the host of each record URL; gzip input is read by its first bytes', () => {
    const all = records(30);
    const dir = tree({});
    writeFileSync(path.join(dir, 'shard.data'), gzipSync(jsonl(all)));
    const r = cli(dir, ['--input-format', 'jsonl', '--group-by', 'url-host', '--min-docs', '3', 'shard.data']);
    expect(r.code, r.stderr).toBe(0);
    const texts = r.stdout.trim().split('\n').map((l) => JSON.parse(l).text as string);
    expect(texts).toHaveLength(30);
    // www.harbor.example and harbor.example are two hosts, each with five records: both lose the line.
    expect(texts.filter((t) => t.includes('become a member today'))).toEqual([]);
    expect(texts.every((t) => /reopened on day \d+/.test(t))).toBe(true);
  });

  it('zstd shards are read by their first bytes and written by the .zst name (through the zstd program)', () => {
    const all = records(24);
    const dir = tree({ 'all.jsonl': jsonl(all) });
    const hasZstd = spawnSync('zstd', ['--version']).status === 0;
    if (!hasZstd && process.env.CI) expect(hasZstd, 'zstd is installed in CI').toBe(true);
    if (hasZstd) {
      spawnSync('zstd', ['-q', '-f', 'all.jsonl', '-o', 'shard.data'], { cwd: dir });
      const plain = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', 'all.jsonl']);
      const r = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', 'shard.data', '-o', 'out.jsonl.zst']);
      expect(r.code, r.stderr).toBe(0);
      expect(spawnSync('zstd', ['-dc', 'out.jsonl.zst'], { cwd: dir, encoding: 'utf8' }).stdout).toBe(plain.stdout);
    }
    // Without the program: the file is named, with what to install, and nothing is written.
    writeFileSync(path.join(dir, 'fake.zst'), Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]));
    const missing = spawnCli(['--input-format', 'jsonl', 'fake.zst', '-o', 'never.jsonl'], { cwd: dir, env: { PATH: path.join(dir, 'no-such-bin') } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/fake\.zst: is zstd-compressed, and reading it needs the zstd program on PATH/);
    expect(existsSync(path.join(dir, 'never.jsonl'))).toBe(false);
  });

  it('an input that cannot be read in the counting pass is reported once, and the run fails without output', () => {
    const dir = tree({ 'all.jsonl': jsonl(records(12)) });
    const r = cli(dir, ['--input-format', 'jsonl', '--group-field', 'domain', 'nosuch.jsonl', 'all.jsonl', '-o', 'out.jsonl', '--stats', 's.json']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.match(/nosuch\.jsonl: no such file/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(existsSync(path.join(dir, 'out.jsonl'))).toBe(false);
  });

  it('grouping flags on text files are refused with the reason', () => {
    const dir = tree({ 'a.txt': 'One.\n' });
    const r = cli(dir, ['a.txt', '--group-field', 'domain']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/add --input-format jsonl/);
  });
});
