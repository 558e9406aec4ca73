#!/usr/bin/env node
// Compares what two builds decide: runs each build's CLI over the same inputs and reports every
// document whose text or removals differ. Inputs: every fixture (with its own config), a
// generated corpus, and the three variants of ../shared/corpus/dev (optional: skipped, and said,
// when ../shared is not beside the project), grouped by site with repeats across documents on.
//
//   node bench/compare.mjs OLD_ROOT [NEW_ROOT]      (a root holds bin/clean-article.cjs, built)
//   git worktree add /tmp/base HEAD~3 && (cd /tmp/base && npm ci) && node bench/compare.mjs /tmp/base
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const [oldRoot, newRoot = path.resolve(here, '..')] = process.argv.slice(2);
if (!oldRoot) {
  console.error('usage: node bench/compare.mjs OLD_ROOT [NEW_ROOT]: each a checkout with a built bin/clean-article.cjs');
  process.exit(2);
}
for (const r of [oldRoot, newRoot]) {
  if (!fs.existsSync(path.join(r, 'bin/clean-article.cjs'))) {
    console.error(`compare: no bin/clean-article.cjs under ${r}: build it first (npm run build there)`);
    process.exit(2);
  }
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-compare-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

/** Run one build over a folder; map of relative source → the record's text and removals. */
function run(root, cwd, extra) {
  const args = [path.join(root, 'bin/clean-article.cjs'), '.', '--format', 'jsonl', '--quiet', '--jobs', '1', ...extra];
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status === 2 || (!r.stdout && r.status !== 0)) throw new Error(`${root}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  const out = new Map();
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const rec = JSON.parse(line);
    out.set(rec.source, JSON.stringify({ text: rec.text, removed: rec.removed?.map((x) => [x.rule, x.lines, x.text]) }));
  }
  return out;
}

let docs = 0;
let differ = 0;
function compare(label, cwd, extra = []) {
  const a = run(oldRoot, cwd, extra);
  const b = run(newRoot, cwd, extra);
  const names = new Set([...a.keys(), ...b.keys()]);
  let d = 0;
  for (const n of [...names].sort()) {
    docs++;
    if (a.get(n) === b.get(n)) continue;
    d++;
    differ++;
    if (d <= 5) console.log(`  differs: ${label}: ${n}`);
  }
  console.log(`${label}: ${names.size} documents, ${d} differ`);
}

// Fixtures: each case folder is run with its own config, as the fixture test does.
const fixtures = path.resolve(newRoot, 'fixtures');
for (const name of fs.readdirSync(fixtures).sort()) {
  const dir = path.join(fixtures, name);
  if (!fs.statSync(dir).isDirectory()) continue;
  const cfg = path.join(dir, 'config.json');
  const work = path.join(tmp, 'fx', name);
  if (fs.existsSync(path.join(dir, 'input'))) fs.cpSync(path.join(dir, 'input'), work, { recursive: true });
  else if (fs.existsSync(path.join(dir, 'input.txt'))) {
    fs.mkdirSync(work, { recursive: true });
    fs.copyFileSync(path.join(dir, 'input.txt'), path.join(work, 'input.txt'));
  } else continue;
  compare(`fixture ${name}`, work, fs.existsSync(cfg) ? ['--config', cfg] : ['--no-config']);
}

// Generated pages: lines of the fixtures in seeded random order, as bench/speed.mjs makes them.
let seed = 7;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed / 2 ** 32);
const lines = [];
for (const name of fs.readdirSync(fixtures)) {
  const f = path.join(fixtures, name, 'input.txt');
  if (fs.existsSync(f)) lines.push(...fs.readFileSync(f, 'utf8').split(/\r?\n/).filter((l) => l && !l.includes('\0')));
}
const gen = path.join(tmp, 'gen');
fs.mkdirSync(gen);
for (let i = 0; i < 400; i++) {
  const out = [];
  while (out.length < 60) {
    const at = Math.floor(rand() * lines.length);
    for (let k = 0; k < 1 + Math.floor(rand() * 5); k++) out.push(lines[(at + k) % lines.length]);
    if (rand() < 0.3) out.push('');
  }
  fs.writeFileSync(path.join(gen, `${String(i).padStart(4, '0')}.txt`), out.join('\n') + '\n');
}
compare('generated', gen, ['--no-config', '--across']);

const dev = path.resolve(newRoot, '../shared/corpus/dev');
if (fs.existsSync(dev)) {
  const site = new Map();
  for (const l of fs.readFileSync(path.join(dev, 'meta.jsonl'), 'utf8').split('\n')) if (l.trim()) { const m = JSON.parse(l); site.set(m.id, m.site); }
  for (const variant of ['raw', 'wide', 'page']) {
    const work = path.join(tmp, variant);
    for (const f of fs.readdirSync(dev)) {
      if (!f.endsWith(`.${variant}.txt`)) continue;
      const id = f.slice(0, -`.${variant}.txt`.length);
      const folder = path.join(work, String(site.get(id) ?? '_'));
      fs.mkdirSync(folder, { recursive: true });
      fs.copyFileSync(path.join(dev, f), path.join(folder, `${id}.txt`));
    }
    compare(`dev ${variant} (by site, across)`, work, ['--no-config', '--across']);
  }
} else console.log('dev corpus: skipped, ../shared/corpus/dev is not beside the project');

console.log(`${docs} documents compared, ${differ} differ`);
process.exitCode = differ ? 1 : 0;
