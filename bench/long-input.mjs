#!/usr/bin/env node
// Time and peak memory of the CLI on one very long line, as a plain file and as one JSON Lines
// record, at doubling sizes: a linear tool doubles its time and memory with the size. Text is
// generated here (prose with single spaces, and words separated by tabs: the worst case for
// folding white space). Prints a table; timing is reported, never asserted.
//   node bench/long-input.mjs [--max-mb 200]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'max-mb': { type: 'string' } } });
const MAX_MB = Number(values['max-mb'] ?? 200);
const here = path.dirname(new URL(import.meta.url).pathname);
const bin = path.join(here, '..', 'bin/clean-article.cjs');
const hook = path.join(here, 'rss-hook.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-long-'));

const WORDS = 'the harbour board met on tuesday and agreed to rebuild the north pier before summer'.split(' ');
function text(mb, sep) {
  const unit = [];
  for (let i = 0; i < 4000; i++) unit.push(WORDS[(i * 7) % WORDS.length] + (i % 17 === 16 ? '.' : ''));
  const piece = unit.join(sep) + sep;
  return piece.repeat(Math.ceil((mb * 1e6) / piece.length)).slice(0, mb * 1e6);
}

function run(file, args) {
  const rss = path.join(dir, 'rss');
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, bin, ...args, file], {
    env: { ...process.env, CLEAN_ARTICLE_RSS_FILE: rss, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} ${file}: exit ${r.status}: ${r.stderr}`);
  return { s, rssMB: Number(fs.readFileSync(rss, 'utf8')) / 1e6 };
}

console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('input                  MB   seconds  MB/s   peak RSS MB  RSS / input');
try {
  for (const [name, sep] of [
    ['prose line', ' '],
    ['tab-separated', '\t'],
  ]) {
    for (let mb = MAX_MB / 8; mb <= MAX_MB; mb *= 2) {
      const body = text(mb, sep);
      const plain = path.join(dir, 'line.txt');
      fs.writeFileSync(plain, body);
      const p = run(plain, []);
      console.log(`${name.padEnd(22)} ${String(mb).padStart(4)} ${p.s.toFixed(2).padStart(8)} ${(mb / p.s).toFixed(1).padStart(6)} ${p.rssMB.toFixed(0).padStart(12)} ${(p.rssMB / mb).toFixed(1).padStart(11)}`);
      const jsonl = path.join(dir, 'line.jsonl');
      fs.writeFileSync(jsonl, JSON.stringify({ text: body }) + '\n');
      fs.rmSync(plain);
      const j = run(jsonl, ['--input-format', 'jsonl']);
      console.log(`${(name + ' (JSONL)').padEnd(22)} ${String(mb).padStart(4)} ${j.s.toFixed(2).padStart(8)} ${(mb / j.s).toFixed(1).padStart(6)} ${j.rssMB.toFixed(0).padStart(12)} ${(j.rssMB / mb).toFixed(1).padStart(11)}`);
      fs.rmSync(jsonl);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
