// JSON Lines corpora in shards: records grouped by site, counted shard by shard, counts merged,
// every shard cleaned with the merged counts; the result must be the one process's result.
import { readFileSync, writeFileSync } from 'node:fs';
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
    const strip = (s: string) => JSON.stringify(JSON.parse(s), (_k, v) => (Array.isArray(v) && v.length === 3 && typeof v[1] === 'string' ? v[0] : v));
    expect(strip(read('shuffled.counts'))).toBe(strip(read('all.counts')));
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

  it('grouping flags on text files are refused with the reason', () => {
    const dir = tree({ 'a.txt': 'One.\n' });
    const r = cli(dir, ['a.txt', '--group-field', 'domain']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/add --input-format jsonl/);
  });
});
