#!/usr/bin/env node
// Sharded JSON Lines in one run on this machine: generated records of many sites in 8 shards,
// cleaned by one process (two passes, --jobs = cores) and by the GNU parallel recipe (count ->
// merge -> clean, when parallel is installed); then the size of the counts: bytes per distinct
// block, plain and gzip, and the counts of --count-records records (default 1,000,000).
// Timing is reported, never asserted.
//   node bench/shards.mjs [--records 200000] [--count-records 1000000]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { records: { type: 'string' }, 'count-records': { type: 'string' } } });
const RECORDS = Number(values.records ?? 200_000);
const COUNT_RECORDS = Number(values['count-records'] ?? 1_000_000);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');
const bin = path.join(root, 'bin/clean-article.cjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-shards-'));
const binDir = path.join(tmp, '.bin');
fs.mkdirSync(binDir);
fs.symlinkSync(bin, path.join(binDir, 'clean-article'));
const env = { ...process.env, PATH: `${binDir}:${process.env.PATH}` };

// 500 sites, each with its own chrome lines; stories from a seeded word generator.
let seed = 20261128;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed / 2 ** 32);
const WORDS = 'the a of to and in on for with at by from that this it was were said council harbor ferry school market pier storm road town board year week people city water bridge plan vote money'.split(' ');
const sentence = (n) => {
  const w = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)]);
  return w.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
};
function record(i) {
  const site = `site${i % 500}.example`;
  const lines = [`Home | News | ${site}`, sentence(25), `Subscribe to ${site} for more`, sentence(30) + ' ' + sentence(18), `© ${2020 + (i % 5)} ${site}`, ''];
  return JSON.stringify({ id: i, domain: site, text: lines.join('\n') }) + '\n';
}
function write(file, n, from = 0) {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  for (let i = from; i < from + n; i++) bytes += fs.writeSync(fd, record(i));
  fs.closeSync(fd);
  return bytes;
}
const run = (cmd, args, opts = {}) => {
  const t = performance.now();
  const r = spawnSync(cmd, args, { env, cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return (performance.now() - t) / 1000;
};

try {
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ${os.cpus().length} cores`);
  fs.mkdirSync(path.join(tmp, 'shards'));
  if (RECORDS > 0) {
  let bytes = 0;
  const per = Math.ceil(RECORDS / 8);
  for (let k = 0; k < 8; k++) bytes += write(path.join(tmp, 'shards', `part-${k}.jsonl`), per, k * per);
  fs.writeFileSync(path.join(tmp, 'all.jsonl'), '');
  for (let k = 0; k < 8; k++) fs.appendFileSync(path.join(tmp, 'all.jsonl'), fs.readFileSync(path.join(tmp, 'shards', `part-${k}.jsonl`)));
  const mb = bytes / 1e6;
  const one = run(process.execPath, [bin, '--input-format', 'jsonl', '--group-field', 'domain', '-q', 'all.jsonl', '-o', 'one.jsonl']);
  console.log(`${RECORDS} records, ${mb.toFixed(0)} MB in 8 shards`);
  console.log(`one process, two passes (--jobs ${os.cpus().length}): ${one.toFixed(1)} s, ${(mb / one).toFixed(1)} MB/s`);
  if (spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status === 0) {
    const sharded = run(path.join(root, 'examples/parallel/clean-shards.sh'), ['shards', 'out', 'domain']);
    const same = Array.from({ length: 8 }, (_, k) => fs.readFileSync(path.join(tmp, 'out', `part-${k}.jsonl`), 'utf8')).join('') === fs.readFileSync(path.join(tmp, 'one.jsonl'), 'utf8');
    console.log(`GNU parallel recipe, 8 shards (count, merge, clean): ${sharded.toFixed(1)} s, ${(mb / sharded).toFixed(1)} MB/s; output identical to one process: ${same}`);
  } else console.log('GNU parallel is not installed: the recipe row is skipped');
  }

  // Counts: one shard's worth of distinct blocks per group, then the big count.
  write(path.join(tmp, 'count.jsonl'), COUNT_RECORDS);
  const t = run(process.execPath, [bin, 'learn', '--input-format', 'jsonl', '--group-field', 'domain', '--max-blocks', String(4 * COUNT_RECORDS), '-q', 'count.jsonl', '--counts-out', 'count.counts.gz']);
  const gz = fs.statSync(path.join(tmp, 'count.counts.gz')).size;
  // The counts are JSON Lines: a line per group ({...}) and per block ([...]), read as a stream.
  let plain = 0;
  let distinct = 0;
  let groups = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(path.join(tmp, 'count.counts.gz')).pipe(createGunzip()), crlfDelay: Infinity })) {
    plain += Buffer.byteLength(line) + 1;
    if (line.startsWith('[')) distinct++;
    else if (line.startsWith('{"group"')) groups++;
  }
  console.log(`counts of ${COUNT_RECORDS.toLocaleString('en')} records (${groups} groups, ${distinct.toLocaleString('en')} distinct blocks) in ${t.toFixed(1)} s: ${(plain / 1e6).toFixed(1)} MB plain (${(plain / distinct).toFixed(0)} bytes per block), ${(gz / 1e6).toFixed(1)} MB gzip (${(gz / distinct).toFixed(0)} bytes per block)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
