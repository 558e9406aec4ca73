#!/usr/bin/env node
// Mojibake repair, measured. Takes true article texts (the dev corpus's gold files, or the
// project's fixtures' expected texts when ../shared is not here), damages some paragraphs the ways
// scraped text gets damaged (UTF-8 read as Windows-1252 or Latin-1, once or twice, mixed with
// intact paragraphs) and runs the repair on every line:
//   restored: share of the damaged paragraphs' non-ASCII characters whose paragraph comes back exact
//   intact changed: characters of undamaged paragraphs that the repair changed (goal 0)
//   node bench/repair.mjs [DIR]
import fs from 'node:fs';
import path from 'node:path';
import { repairMojibake } from '../dist/core/mojibake.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const shared = path.resolve(here, '../../shared/corpus/dev');
const dir = process.argv[2] ?? (fs.existsSync(shared) ? shared : path.resolve(here, '../fixtures'));
const texts = [];
if (fs.existsSync(path.join(dir, 'meta.jsonl')) || fs.readdirSync(dir).some((f) => f.endsWith('.gold.txt'))) {
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.gold.txt')) texts.push(fs.readFileSync(path.join(dir, f), 'utf8'));
} else {
  if (dir !== shared) console.error(`bench:repair: ../shared/corpus/dev is not here; using ${path.relative(process.cwd(), dir)}`);
  for (const c of fs.readdirSync(dir).sort()) {
    const f = path.join(dir, c, 'expected.txt');
    if (fs.existsSync(f)) texts.push(fs.readFileSync(f, 'utf8'));
  }
}

const HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const cp1252 = (s) => [...Buffer.from(s, 'utf8')].map((b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : String.fromCharCode(b))).join('');
const latin1 = (s) => Buffer.from(s, 'utf8').toString('latin1');
const DAMAGE = { 'Windows-1252 once': cp1252, 'Windows-1252 twice': (s) => cp1252(cp1252(s)), 'Latin-1 once': latin1, 'Latin-1 twice': (s) => latin1(latin1(s)), 'Latin-1 then Windows-1252': (s) => cp1252(latin1(s)) };
const nonAscii = (s) => [...s].filter((c) => c.charCodeAt(0) > 127).length;

let seed = 11;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed / 2 ** 32);
for (const [name, damage] of Object.entries(DAMAGE)) {
  let damagedChars = 0;
  let restoredChars = 0;
  let intactChars = 0;
  let intactChanged = 0;
  let paragraphs = 0;
  const misses = [];
  for (const text of texts) {
    for (const p of text.split('\n')) {
      if (!p) continue;
      const hit = nonAscii(p) > 0 && rand() < 0.5;
      const input = hit ? damage(p) : p;
      const out = repairMojibake(input, []);
      if (hit) {
        paragraphs++;
        damagedChars += nonAscii(p);
        if (out === p) restoredChars += nonAscii(p);
        else if (misses.length < 3) misses.push(`${JSON.stringify(input.slice(0, 80))} -> ${JSON.stringify(out.slice(0, 80))}`);
      } else {
        intactChars += p.length;
        if (out !== p) {
          let d = 0;
          for (let i = 0; i < Math.max(out.length, p.length); i++) if (out[i] !== p[i]) d++;
          intactChanged += d;
        }
      }
    }
  }
  const share = damagedChars ? restoredChars / damagedChars : 1;
  console.log(`${name.padEnd(26)} ${paragraphs} damaged paragraphs: restored ${(share * 100).toFixed(2)}% of ${damagedChars} damaged characters; intact characters changed: ${intactChanged} of ${intactChars}`);
  for (const m of misses) console.log(`    missed: ${m}`);
}


// Legacy files: each text written in an encoding it fits in, read back by detection (--encoding
// auto) and by name (--encoding NAME).
const { decodeBytes } = await import('../dist/io/read.js');
const { default: iconv } = await import('iconv-lite');
for (const enc of ['windows-1252', 'iso-8859-2', 'koi8-r', 'shift_jis']) {
  let fits = 0;
  let auto = 0;
  let named = 0;
  // Texts that need this encoding: not writable in Windows-1252 (one © in an English text is a
  // byte that both read, differently; no detector can tell those apart).
  let own = 0;
  let ownAuto = 0;
  const wrong = new Map();
  for (const text of texts) {
    if (!/[^\x00-\x7f]/.test(text)) continue;
    const bytes = iconv.encode(text, enc);
    if (iconv.decode(bytes, enc) !== text) continue;
    fits++;
    const a = decodeBytes(bytes, 'x', 'auto');
    const right = a.ok && a.text === text;
    if (right) auto++;
    else if (a.ok) wrong.set(a.encoding ?? 'utf-8', (wrong.get(a.encoding ?? 'utf-8') ?? 0) + 1);
    if (enc === 'windows-1252' || iconv.decode(iconv.encode(text, 'windows-1252'), 'windows-1252') !== text) {
      own++;
      if (right) ownAuto++;
    }
    const n = decodeBytes(bytes, 'x', enc);
    if (n.ok && n.text === text) named++;
  }
  const pct = (k) => (fits ? ((k / fits) * 100).toFixed(1) : '-');
  console.log(`${enc.padEnd(13)} ${fits} documents with non-ASCII text fit: identical by detection ${pct(auto)}% (${ownAuto} of the ${own} that need it), by name ${pct(named)}%${wrong.size ? `; detected instead: ${[...wrong].map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}`);
}
