#!/usr/bin/env node
// Quality benchmark: clean every <id>.<variant>.txt in a labelled folder and score it against
// <id>.gold.txt with the metrics of ../shared/eval/score.py (bag-of-words over lower-cased \w+
// tokens, multiset overlap, mean over documents), plus paragraph matches, entities left, and a
// per-rule count of removals that look like true article text.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    variant: { type: 'string', default: 'raw' },
    json: { type: 'boolean', default: false },
    worst: { type: 'string', default: '10' },
    rules: { type: 'boolean', default: false },
    config: { type: 'string' },
    'by-site': { type: 'boolean', default: false },
    across: { type: 'boolean', default: false },
  },
});

const here = path.dirname(new URL(import.meta.url).pathname);
const sharedDev = path.resolve(here, '../../shared/corpus/dev');
let dir = positionals[0] ?? (fs.existsSync(sharedDev) ? sharedDev : path.resolve(here, '../fixtures'));
const shown = dir;
// A folder of fixture cases (<case>/input.txt and expected.txt) is read as labelled pairs: the
// input as raw text, the expected output as the true article text. Cases whose expected text needs
// their own config (config.json) score below 1 here, since the benchmark runs without it.
if (fs.existsSync(dir) && !fs.readdirSync(dir).some((f) => f.endsWith('.gold.txt'))) {
  const pairs = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-pairs-'));
  let n = 0;
  for (const c of fs.readdirSync(dir).sort()) {
    const input = path.join(dir, c, 'input.txt');
    const expected = path.join(dir, c, 'expected.txt');
    if (!fs.existsSync(input) || !fs.existsSync(expected)) continue;
    fs.copyFileSync(input, path.join(pairs, `${c}.raw.txt`));
    fs.copyFileSync(expected, path.join(pairs, `${c}.gold.txt`));
    n++;
  }
  if (n) {
    process.on('exit', () => fs.rmSync(pairs, { recursive: true, force: true }));
    dir = pairs;
  }
}
if (!fs.existsSync(dir)) {
  console.error(`bench:quality: no labelled folder at ${dir}. Pass one: npm run bench:quality -- DIR (it needs <id>.raw.txt and <id>.gold.txt pairs).`);
  process.exit(2);
}
if (!positionals[0] && shown !== sharedDev) console.error(`bench:quality: ../shared/corpus/dev is not here; using the project's own ${path.relative(process.cwd(), shown)} (each case's input.txt against its expected.txt)`);
// Documents are cleaned by the real CLI in one batch (--format jsonl), as users run it. With
// --by-site they are laid out one folder per site (meta.jsonl), so that repeats across documents
// are counted per site; without it they share one folder and --no-across.
function cleanAll(ids, suffix, textOf = (id) => fs.readFileSync(path.join(dir, id + suffix), 'utf8'), perFile = false) {
  const sites = new Map();
  const metaFile = path.join(dir, 'meta.jsonl');
  if (values['by-site']) {
    if (!fs.existsSync(metaFile)) {
      console.error(`bench:quality: --by-site needs ${metaFile} (one JSON object per line with id and site)`);
      process.exit(2);
    }
    for (const line of fs.readFileSync(metaFile, 'utf8').split('\n')) if (line.trim()) { const m = JSON.parse(line); sites.set(m.id, m.site); }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-quality-'));
  const where = new Map();
  for (const id of ids) {
    const folder = path.join(tmp, values['by-site'] ? String(sites.get(id) ?? '_') : 'all');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${id}.txt`), textOf(id));
    where.set(path.relative(tmp, path.join(folder, `${id}.txt`)), id);
  }
  const args = [path.join(here, '../bin/clean-article.cjs'), '.', '--format', 'jsonl', '--quiet', !perFile && (values['by-site'] || values.across) ? '--across' : '--no-across'];
  if (values.config) args.push('--config', path.resolve(values.config));
  else args.push('--no-config');
  const run = spawnSync(process.execPath, args, { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 30 });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (run.status !== 0 && !run.stdout) {
    console.error(`bench:quality: the CLI failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
    process.exit(1);
  }
  const results = new Map();
  for (const line of run.stdout.split('\n')) if (line) { const r = JSON.parse(line); results.set(where.get(r.source), r); }
  return results;
}

// Python's \w is Unicode-aware; JavaScript's is ASCII even with the u flag.
const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;
const ENTITY = /&#\d+;|&#[xX][0-9a-fA-F]+;|&[A-Za-z][A-Za-z0-9]{1,31};/g;
const tokens = (s) => s.toLowerCase().match(TOKEN) ?? [];
const bag = (toks) => {
  const m = new Map();
  for (const t of toks) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};
const overlap = (a, b) => {
  let n = 0;
  for (const [t, c] of a) n += Math.min(c, b.get(t) ?? 0);
  return n;
};
const paras = (s) => s.split(/\n+/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

const suffix = `.${values.variant}.txt`;
const ids = fs.readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length)).sort();
const docs = [];
const byRule = new Map();
const started = performance.now();
const results = cleanAll(ids.filter((id) => fs.existsSync(path.join(dir, `${id}.gold.txt`))), suffix);
for (const id of ids) {
  const goldPath = path.join(dir, `${id}.gold.txt`);
  if (!fs.existsSync(goldPath)) continue;
  const gold = fs.readFileSync(goldPath, 'utf8');
  const result = results.get(id);
  if (!result) {
    console.error(`bench:quality: no result for ${id} (the file failed; see the CLI's error)`);
    continue;
  }
  const g = bag(tokens(gold));
  const o = bag(tokens(result.text));
  const ng = [...g.values()].reduce((a, b) => a + b, 0);
  const no = [...o.values()].reduce((a, b) => a + b, 0);
  const tp = overlap(g, o);
  const p = no ? tp / no : ng === 0 ? 1 : 0;
  const r = ng ? tp / ng : 1;
  const goldParas = new Set(paras(gold));
  const outParas = paras(result.text);
  const exact = outParas.filter((x) => goldParas.has(x)).length;
  // A removal is suspect when nearly all its words are words of the gold text that the output lacks.
  const missing = new Map(g);
  for (const [t, c] of o) missing.set(t, (missing.get(t) ?? 0) - c);
  const suspects = [];
  for (const rem of result.removed) {
    const rt = tokens(rem.text);
    const rs = byRule.get(rem.rule) ?? { removals: 0, suspect: 0, words: 0, suspectWords: 0 };
    rs.removals++;
    rs.words += rt.length;
    const hit = rt.filter((t) => (missing.get(t) ?? 0) > 0).length;
    if (rt.length >= 3 && hit / rt.length >= 0.8) {
      rs.suspect++;
      rs.suspectWords += rt.length;
      suspects.push(rem);
    }
    byRule.set(rem.rule, rs);
  }
  docs.push({
    id, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0,
    paraP: outParas.length ? exact / outParas.length : 1, paraR: goldParas.size ? exact / goldParas.size : 1,
    entities: (result.text.match(ENTITY) ?? []).length, suspects,
  });
}
const seconds = (performance.now() - started) / 1000;
// Cleaning the output again must change nothing (clean(clean(x)) == clean(x)), document by
// document: the second pass runs without repeats across documents, which the first pass removed.
const again = values['by-site'] || values.across ? undefined : cleanAll([...results.keys()], suffix, (id) => results.get(id).text, true);
const notIdempotent = again ? [...results.keys()].filter((id) => again.get(id)?.text !== results.get(id).text) : undefined;
if (docs.length === 0) {
  console.error(`bench:quality: no <id>${suffix} with a matching <id>.gold.txt in ${dir}`);
  process.exit(2);
}
const summary = {
  dir, variant: values.variant, docs: docs.length,
  precision: mean(docs.map((d) => d.p)), recall: mean(docs.map((d) => d.r)), f1: mean(docs.map((d) => d.f1)),
  paragraphPrecision: mean(docs.map((d) => d.paraP)), paragraphRecall: mean(docs.map((d) => d.paraR)),
  entitiesLeft: docs.reduce((n, d) => n + d.entities, 0), overDeleted: docs.filter((d) => d.r < 0.8).length, seconds,
  notIdempotent: notIdempotent?.length,
};
const worst = [...docs].sort((a, b) => a.r - b.r).filter((d) => d.r < 0.8);
if (values.json) {
  // Synchronous: process.exit after an asynchronous write to a pipe would cut the output short.
  fs.writeSync(1, JSON.stringify({ summary, rules: Object.fromEntries(byRule), overDeleted: worst.map((d) => ({ id: d.id, recall: d.r, removed: d.suspects })), docs: docs.map(({ suspects, ...d }) => d) }, null, 1) + '\n');
  process.exit(0);
}
const f = (x) => x.toFixed(3);
console.log(`${summary.docs} documents (${values.variant}${values['by-site'] ? ', grouped by site, repeats across documents on' : ''}) from ${shown} in ${seconds.toFixed(2)} s`);
console.log(`bag of words   P ${f(summary.precision)}  R ${f(summary.recall)}  F1 ${f(summary.f1)}`);
console.log(`paragraphs     P ${f(summary.paragraphPrecision)}  R ${f(summary.paragraphRecall)}  (exact matches)`);
console.log(`entities left  ${summary.entitiesLeft}`);
console.log(`lost > 20%     ${summary.overDeleted} document(s)`);
if (notIdempotent) console.log(`cleaned again  ${notIdempotent.length} document(s) changed${notIdempotent.length ? `: ${notIdempotent.slice(0, 5).join(' ')}` : ''}`);
for (const d of worst.slice(0, Number(values.worst))) {
  console.log(`  ${d.id}  recall ${f(d.r)}`);
  for (const s of d.suspects.slice(0, 5)) console.log(`    ${s.rule} lines ${s.lines.join('-')}: ${s.text.slice(0, 100)}`);
}
if (values.rules) {
  console.log('\nrule                                 removals  suspect  words  suspect-words');
  for (const [id, s] of [...byRule].sort((a, b) => b[1].suspectWords - a[1].suspectWords)) {
    console.log(`${id.padEnd(36)} ${String(s.removals).padStart(8)} ${String(s.suspect).padStart(8)} ${String(s.words).padStart(6)} ${String(s.suspectWords).padStart(14)}`);
  }
}
