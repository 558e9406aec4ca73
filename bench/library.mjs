#!/usr/bin/env node
// The library's speed beside its floor, in one process, on the same strings, in the same run:
// clean() against he.decode and against a split + trim + join of the same text. Text: the dev
// corpus's container and whole-page variants when ../shared is there (it says so when it is not),
// and always articles generated from the project's fixtures. Each build (this one, the same with the
// article model off, and with --previous ROOT another checkout, built) is timed in a process of its
// own, the processes taking turns for --rounds rounds, best of each: timing two builds in one process
// slowed whichever was loaded first by up to a quarter on whole pages (they share the heap and the
// installed packages). Timing is reported, never asserted.
//   node bench/library.mjs [--previous ROOT] [--reps N] [--rounds N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import he from 'he';

const { values } = parseArgs({
  options: { previous: { type: 'string' }, reps: { type: 'string' }, rounds: { type: 'string' }, child: { type: 'string' }, model: { type: 'string' } },
});
const REPS = Number(values.reps ?? 3);
const ROUNDS = Number(values.rounds ?? 3);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');

function sets() {
  const out = [];
  const dev = path.resolve(root, '../shared/corpus/dev');
  if (fs.existsSync(dev)) {
    const files = fs.readdirSync(dev).sort();
    for (const [name, suffix] of [
      ['dev container', '.raw.txt'],
      ['dev page', '.page.txt'],
    ]) {
      out.push({ name, texts: files.filter((f) => f.endsWith(suffix)).map((f) => fs.readFileSync(path.join(dev, f), 'utf8')) });
    }
  } else {
    if (!values.child) console.log(`(../shared/corpus/dev is not here: dev rows skipped; ${dev})`);
  }
  // Generated: every fixture input, its lines shuffled into 400 documents by a seeded generator.
  let seed = 20261128;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed / 2 ** 32);
  const lines = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'input.txt' || (p.includes(`${path.sep}input${path.sep}`) && e.name.endsWith('.txt'))) lines.push(...fs.readFileSync(p, 'utf8').split(/\r?\n/));
    }
  };
  walk(path.join(root, 'fixtures'));
  const docs = [];
  for (let i = 0; i < 400; i++) {
    const doc = [];
    let size = 0;
    while (size < 3000) {
      const start = Math.floor(rand() * lines.length);
      for (let k = 0; k < 1 + Math.floor(rand() * 6); k++) {
        const l = lines[(start + k) % lines.length];
        doc.push(l);
        size += l.length + 1;
      }
    }
    docs.push(doc.join('\n') + '\n');
  }
  out.push({ name: 'generated', texts: docs });
  return out;
}

function seconds(f, texts) {
  let best = Infinity;
  for (let r = 0; r < REPS; r++) {
    const t = performance.now();
    for (const s of texts) f(s);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

const splitTrimJoin = (s) => s.split('\n').map((l) => l.trim()).join('\n');

// What any cleaner of this input does before it looks at a single rule: the text decoded, split
// into lines, each trimmed and its white space folded where it needs it, and the text lower-cased
// for matching (in the fastest order found: the whole text at once where that gives the same
// lines). No paragraphs, no rules, no model: the ceiling for clean() on the same strings.
const UNFOLDED = /[^\S ]| {2}/;
const prepare = (s) => {
  const text = he.decode(s);
  let n = text.toLowerCase().length;
  for (let l of text.split('\n')) {
    l = l.trim();
    if (UNFOLDED.test(l)) l = l.replace(/\s+/g, ' ');
    n += l.length;
  }
  return n;
};

// A child: time one build's clean() on every set and print the seconds as JSON.
if (values.child) {
  const lib = await import(path.join(path.resolve(values.child), 'dist/index.js'));
  const opts = lib.compileConfig(values.model === 'off' ? { article: { extract: 'off' } } : undefined);
  const clean = (s) => lib.cleanWith(s, opts);
  const out = {};
  for (const { name, texts } of sets()) {
    clean(texts[0]);
    out[name] = seconds(clean, texts);
    // The floors are timed in the same processes, taking the same turns, so that they see the
    // same machine as clean() does.
    if (values.model === 'on' && path.resolve(values.child) === root) {
      out[`${name}\0decode`] = seconds((s) => he.decode(s), texts);
      out[`${name}\0split`] = seconds(splitTrimJoin, texts);
      out[`${name}\0prepare`] = seconds(prepare, texts);
    }
  }
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

const builds = [
  { key: 'ours', root, model: 'on' },
  { key: 'off', root, model: 'off' },
  ...(values.previous ? [{ key: 'previous', root: path.resolve(values.previous), model: 'on' }] : []),
];
const best = {};
for (let r = 0; r < ROUNDS; r++) {
  for (const b of builds) {
    const run = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', b.root, '--model', b.model, '--reps', String(REPS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (run.status !== 0) {
      console.error(`library: timing ${b.root} failed: ${run.stderr.trim()}`);
      process.exit(2);
    }
    const got = JSON.parse(run.stdout);
    best[b.key] ??= {};
    for (const [name, sec] of Object.entries(got)) best[b.key][name] = Math.min(best[b.key][name] ?? Infinity, sec);
  }
}

const previous = values.previous;
console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; best of ${REPS} passes × ${ROUNDS} processes per build, taking turns; MB/s, and × he.decode on the same strings`);
console.log(`${'text'.padEnd(14)} ${'MB'.padStart(5)} ${'he.decode'.padStart(10)} ${'split+trim'.padStart(11)} ${'prepare'.padStart(8)} ${'× decode'.padStart(9)} ${'clean()'.padStart(8)} ${'× decode'.padStart(9)} ${'model'.padStart(6)}${previous ? `${'previous'.padStart(10)} ${'× decode'.padStart(9)} ${'speed-up'.padStart(9)}` : ''}`);
for (const { name, texts } of sets()) {
  const mb = texts.reduce((n, t) => n + t.length, 0) / 1e6;
  const dec = best.ours[`${name}\0decode`];
  const stj = best.ours[`${name}\0split`];
  const prep = best.ours[`${name}\0prepare`];
  const c = best.ours[name];
  const off = best.off[name];
  const p = previous ? best.previous[name] : undefined;
  const model = `${Math.round(((c - off) / c) * 100)}%`;
  const row = `${name.padEnd(14)} ${mb.toFixed(1).padStart(5)} ${(mb / dec).toFixed(0).padStart(10)} ${(mb / stj).toFixed(0).padStart(11)} ${(mb / prep).toFixed(0).padStart(8)} ${(dec / prep).toFixed(3).padStart(9)} ${(mb / c).toFixed(1).padStart(8)} ${(dec / c).toFixed(3).padStart(9)} ${model.padStart(6)}`;
  console.log(row + (p !== undefined ? `${(mb / p).toFixed(1).padStart(10)} ${(dec / p).toFixed(3).padStart(9)} ${(p / c).toFixed(2).padStart(8)}×` : ''));
}
console.log('prepare: each line decoded, trimmed, folded where needed and lower-cased, no paragraphs, rules or model: what clean() could reach at best');
console.log("model: the share of clean()'s time that the article model (region step, comment threads, the ends of a container) adds, against the same build with article.extract off");
console.log('targets: clean() >= 0.15× he.decode on container text, >= 0.10× on whole pages');
