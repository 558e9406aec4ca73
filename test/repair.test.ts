// Text repair: mojibake put back in the decode step, and files in legacy encodings read by name or
// by detection. Every text here is invented.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { repairMojibake } from '../src/core/mojibake.js';
import { tree } from './helpers/world.js';
import { spawnCli } from './helpers/spawn.js';

const HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const cp1252 = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : String.fromCharCode(b))).join('');
const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

describe('mojibake', () => {
  const samples = ['don’t', 'Café du Port', '“quoted”', 'naïve Zürich — 😀', 'Łódź and Kraków', 'Москва', '東京', '€5 and £3'];
  it.each([
    ['Windows-1252 once', cp1252],
    ['Windows-1252 twice', (s: string) => cp1252(cp1252(s))],
    ['Latin-1 once', latin1],
    ['Latin-1 twice', (s: string) => latin1(latin1(s))],
    ['Latin-1, then Windows-1252', (s: string) => cp1252(latin1(s))],
  ])('%s is put back', (_, damage) => {
    for (const s of samples) expect(repairMojibake(`A ${damage(s)} here.`, []), s).toBe(`A ${s} here.`);
  });
  it('genuine text that looks like it stays: NÃO, Â, ×, € and accented capitals', () => {
    for (const s of ['NÃO É VERDADE', 'Â la carte', '3 × 4 = 12', '5 € et 3 £', 'ÀÉÎÕÜ', 'São Paulo', 'Ã©'.slice(0, 1) + ' alone']) {
      expect(repairMojibake(s, []), s).toBe(s);
    }
  });
  it('the fixture: every form repaired and listed; cleaning again changes nothing', () => {
    const r = clean('They donâ€™t mind.\nCafÃ© Ã¢â‚¬Å“OneÃ¢â‚¬Â\u009d.\n');
    expect(r.text).toBe('They don’t mind.\n\nCafé “One”.\n');
    expect(r.repairs.map((x) => [x.rule, x.before, x.after, x.lines])).toEqual([
      ['repair/mojibake', 'â€™', '’', [1, 1]],
      ['repair/mojibake', 'Ã©', 'é', [2, 2]],
      ['repair/mojibake', 'Ã¢â‚¬Å“', 'â€œ', [2, 2]],
      ['repair/mojibake', 'Ã¢â‚¬Â\u009d', 'â€\u009d', [2, 2]],
      ['repair/mojibake', 'â€œ', '“', [2, 2]],
      ['repair/mojibake', 'â€\u009d', '”', [2, 2]],
    ]);
    expect(r.stats.mojibakeRepaired).toBe(6);
    expect(clean(r.text).text).toBe(r.text);
  });
  it('repair.mojibake: false switches it off', () => {
    expect(clean('They donâ€™t.\n', { repair: { mojibake: false } }).text).toBe('They donâ€™t.\n');
  });
});

describe('legacy encodings (--encoding)', () => {
  const texts: Record<string, string> = {
    'windows-1252': 'Le café du port rouvre après deux ans de travaux, a déclaré le maire « avec joie ».\n',
    'iso-8859-2': 'Władze miasta ogłosiły, że nowy most zostanie otwarty jesienią, mimo opóźnień.\n',
    'koi8-r': 'Городской совет объявил, что новый мост откроется осенью, несмотря на задержки из-за зимы.\n',
    shift_jis: '市議会は、冬の遅れにもかかわらず、新しい橋が秋に開通すると発表しました。\n',
  };
  it.each(Object.keys(texts))('%s: read back by name and by detection, and the decision is reported', (enc) => {
    const dir = tree({ 'a.txt': iconv.encode(texts[enc], enc) });
    const named = spawnCli(['a.txt', '--encoding', enc], { cwd: dir });
    expect(named.stdout).toBe(texts[enc]);
    const auto = spawnCli(['a.txt', '--encoding', 'auto'], { cwd: dir });
    expect(auto.stdout).toBe(texts[enc]);
    expect(auto.stderr).toMatch(/a\.txt: not valid UTF-8: decoded as [\w-]+ \(detected from its content, confidence \d+%/);
    // Without --encoding the bytes are not UTF-8: replaced, and the warning says what to do.
    expect(spawnCli(['a.txt'], { cwd: dir }).stderr).toMatch(/invalid UTF-8: .* \(name its encoding with --encoding, or let --encoding auto detect it\)/);
  });
  it('UTF-8 input is read as UTF-8 under auto; --write does not rewrite a legacy file; JSON Lines refuses --encoding', () => {
    const dir = tree({ 'u.txt': 'Café.\n', 'in/l.txt': iconv.encode('Advertisement\nCafé du port.\n', 'windows-1252') });
    expect(spawnCli(['u.txt', '--encoding', 'auto'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'Café.\n', stderr: '' });
    const w = spawnCli(['in', '--write', '--encoding', 'windows-1252'], { cwd: dir });
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/in\/l\.txt: not rewritten in place: the file is windows-1252/);
    writeFileSync(path.join(dir, 'r.jsonl'), '{"text":"x"}\n');
    const j = spawnCli(['--input-format', 'jsonl', '--encoding', 'koi8-r', 'r.jsonl'], { cwd: dir });
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/JSON Lines is UTF-8 by definition/);
    expect(spawnCli(['u.txt', '--encoding', 'klingon'], { cwd: dir }).code).toBe(2);
  });
});
