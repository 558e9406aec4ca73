#!/usr/bin/env node
// What share of plain prose each stopword list covers, on the texts in fixtures/languages/ (news
// prose written for this project). The article model divides its stopword thresholds by each
// language's coverage relative to English (COVERAGE in src/core/article/stopwords.ts): this prints
// the figures those constants come from.
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const { stopwordLists, wordsOf } = await import(path.join(here, '../dist/core/article/stopwords.js'));
const dir = path.join(here, '../fixtures/languages');
const lists = stopwordLists();
let eng;
const rows = [];
for (const [lang, list] of Object.entries(lists)) {
  const file = path.join(dir, `${lang}.txt`);
  if (!fs.existsSync(file)) continue;
  const words = wordsOf(fs.readFileSync(file, 'utf8').toLowerCase());
  const set = new Set(list);
  const share = words.filter((w) => set.has(w)).length / words.length;
  if (lang === 'eng') eng = share;
  rows.push([lang, list.length, words.length, share]);
}
console.log('list  entries  words  coverage  × English');
for (const [lang, n, words, share] of rows) console.log(`${lang.padEnd(5)} ${String(n).padStart(7)} ${String(words).padStart(6)} ${share.toFixed(3).padStart(9)} ${(share / eng).toFixed(2).padStart(10)}`);

// Scripts without spaces: the model reads the share of characters that are Hiragana (Japanese) or
// one-character Chinese stopwords (UNSPACED_COVERAGE in src/core/article/classify.ts).
const { zho } = await import('stopword/dist/stopword.esm.mjs');
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const measures = {
  jpn: ['Hiragana', /\p{Script=Hiragana}/gu],
  zho: ['function characters', new RegExp(`[${zho.filter((w) => [...w].length === 1).join('')}]`, 'gu')],
};
console.log('\ntext  share of                characters  share  × English');
for (const [lang, [name, re]] of Object.entries(measures)) {
  const file = path.join(dir, `${lang}.txt`);
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, 'utf8');
  const all = text.match(unspaced)?.length ?? 0;
  const share = (text.match(re)?.length ?? 0) / all;
  console.log(`${lang.padEnd(5)} ${name.padEnd(22)} ${String(all).padStart(10)} ${share.toFixed(3).padStart(6)} ${(share / eng).toFixed(2).padStart(10)}`);
}
