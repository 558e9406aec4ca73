#!/usr/bin/env node
// Seeded fuzz of the built library's clean(): random entity soup and mutated fixture articles.
// Fails (exit 1) on any throw, any nondeterminism, or any input where clean(clean(x)) != clean(x);
// prints the slowest input in ms per KB (time is reported, never asserted: machines are noisy).
//   node scripts/fuzz.mjs [N=100000] [SEED=1]
import fs from 'node:fs';
import path from 'node:path';
import { clean } from '../dist/index.js';

const N = Number(process.argv[2] ?? 100_000);
let s = Number(process.argv[3] ?? 1) >>> 0 || 1;
const rnd = () => {
  s ^= s << 13;
  s >>>= 0;
  s ^= s >> 17;
  s ^= s << 5;
  s >>>= 0;
  return s / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const docs = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.txt')) docs.push(fs.readFileSync(p, 'utf8').split('\n'));
  }
};
walk(path.join(root, 'fixtures'));
const atoms = ['&', ';', '#', 'amp', '&amp;', '&#39;', '&#x2019;', '&nbsp;', '&copy', '&amp;#34;', '&lt;', '&#0;', '&#xD800;', '&#1114112;',
  '&amp&amp', '&amp;amp;', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '\u00a0', '\u200b', '\ufeff', '\u00ad', '\ud800', '\udc00', '😀', 'é',
  'e\u0301', 'ſ', 'K', '.', ',', '"', '“', '”', ':', 'ALL RIGHTS RESERVED', 'Subscribe', 'CLICK HERE', '(Photo by A/B)', 'Advertisement',
  'Read more:', 'RELATED:', 'Share', 'a', 'The', 'word ', 'x'.repeat(3000), '\u0000', '\u001b[31m', '<p>', '\\', '(', ')', '*'.repeat(200)];
function gen() {
  if (rnd() < 0.5) {
    let t = '';
    const n = Math.floor(rnd() * 60);
    for (let i = 0; i < n; i++) t += pick(atoms);
    return t;
  }
  const lines = [...pick(docs)];
  const m = Math.floor(rnd() * 8);
  for (let i = 0; i < m; i++) {
    const k = Math.floor(rnd() * lines.length);
    const op = rnd();
    if (op < 0.25) lines.splice(k, 1);
    else if (op < 0.5) lines.splice(k, 0, lines[Math.floor(rnd() * lines.length)] ?? '');
    else if (op < 0.75) lines[k] = (lines[k] ?? '') + pick(atoms);
    else lines.splice(k, 0, pick(atoms));
  }
  return lines.join(pick(['\n', '\n', '\r\n']));
}
const fails = { throws: [], nondeterministic: [], 'not idempotent': [] };
let slowest = { msPerKB: 0, size: 0 };
const t0 = Date.now();
for (let i = 0; i < N; i++) {
  const x = gen();
  let a;
  let b;
  let c;
  const t = performance.now();
  try {
    a = clean(x).text;
  } catch (e) {
    fails.throws.push([x, String(e)]);
    continue;
  }
  const kb = Math.max(1, x.length / 1024);
  const ms = performance.now() - t;
  if (ms / kb > slowest.msPerKB && x.length > 200) slowest = { msPerKB: ms / kb, size: x.length };
  try {
    b = clean(x).text;
    c = clean(a).text;
  } catch (e) {
    fails.throws.push([a, String(e)]);
    continue;
  }
  if (a !== b) fails.nondeterministic.push([x]);
  if (a !== c) fails['not idempotent'].push([x, a, c]);
}
for (const [k, v] of Object.entries(fails)) if (v.length) console.log(`${k}, e.g. ${JSON.stringify(v[0]).slice(0, 400)}`);
console.log(
  `fuzz: ${N} inputs (seed ${process.argv[3] ?? 1}) in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${fails.throws.length} throws, ` +
    `${fails.nondeterministic.length} nondeterministic, ${fails['not idempotent'].length} not idempotent; slowest input over 200 characters ` +
    `${slowest.msPerKB.toFixed(2)} ms per KB (${slowest.size} characters)`,
);
process.exitCode = Object.values(fails).some((v) => v.length) ? 1 : 0;
