// Inputs a hostile user (or a broken scraper) hands the tool: each case here crashed, hung, skipped
// silently, wrote over an input or was refused wrongly before its fix.
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { linesOf } from '../src/io/lines.js';
import { fieldSpan } from '../src/batch/jsonl-record.js';
import { fold } from '../src/core/segment.js';
import { tree } from './helpers/world.js';
import { spawnCli } from './helpers/spawn.js';

const cli = (cwd: string, args: string[], input = '', as?: number) => spawnCli(args, { cwd, input, as });
const STORY = 'The harbour board met on Tuesday and agreed to rebuild the north pier before the summer season.\n';

describe('no crash on long inputs', () => {
  it('150,000 removable lines and 150,000 share buttons: clean() returns, the CLI exits 0', () => {
    const ads = 'Advertisement\n'.repeat(150_000);
    const r = clean(ads + STORY);
    expect(r.text).toBe(STORY);
    expect(r.removed).toHaveLength(150_000);
    const buttons = clean('Facebook\nTwitter\nReddit\n'.repeat(50_000));
    expect(buttons.text).toBe('');
    expect(buttons.removed).toHaveLength(150_000);
    const dir = tree({ 'ads.txt': ads });
    const out = cli(dir, ['ads.txt']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).not.toMatch(/internal error/);
  });
  it('a line longer than any chunk of the stream arrives whole, in order, once', async () => {
    const long = 'x'.repeat(300_000);
    const chunks = [`a\r`, `\nb\n${long.slice(0, 1000)}`, ...Array.from({ length: 299 }, (_, i) => long.slice(1000 + i * 1000, 2000 + i * 1000)), '\r\nc'];
    const lines: string[] = [];
    for await (const line of linesOf(Readable.from(chunks.map((s) => Buffer.from(s))))) lines.push(line);
    expect(lines).toEqual(['a', 'b', long, 'c']);
  });
});

describe('folding white space in long lines', () => {
  it('the long-text path folds exactly as the regex does, for every kind of white space', () => {
    const spaces = [' ', '  ', '\t', ' \t ', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', '\f\v', '\u1680'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const size of [70_000, 200_000]) {
      let text = '\t ';
      while (text.length < size) text += `w${next() % 1000}${spaces[next() % spaces.length]}`;
      text += ' \u3000';
      expect(text.length).toBeGreaterThan(65_536);
      expect(fold(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});

describe('user regex rules run in linear time (RE2)', () => {
  it('(a+)+$ on a line of forty a and a full stop finishes, and removes nothing it should not', { timeout: 20_000 }, () => {
    const text = `${'a'.repeat(40)}!\n\n${STORY}`;
    const r = clean(text, { extends: [], rules: [{ id: 'user/evil', match: 'regex', pattern: '(a+)+$' }] });
    expect(r.text).toBe(text);
    const hit = clean(`${'a'.repeat(40)}\n\n${STORY}`, { extends: [], rules: [{ id: 'user/evil', match: 'regex', pattern: '(a+)+$' }] });
    expect(hit.removed.map((x) => x.rule)).toEqual(['user/evil']);
  });
  it('a pattern RE2 cannot run is refused when the config loads, with the rule path', () => {
    const dir = tree({ '.clean-article.json': JSON.stringify({ rules: [{ id: 'user/back', match: 'regex', pattern: '(ab)\\1' }, { id: 'user/look', match: 'regex', pattern: 'x(?=y)' }] }), 'a.txt': STORY });
    const r = cli(dir, ['a.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.clean-article.json: rules[0].pattern: invalid regular expression: invalid escape sequence: `\\1` (RE2 runs in linear time and has no backreferences or lookaround)');
    expect(r.stderr).toContain('rules[1].pattern: invalid regular expression: invalid or unsupported Perl syntax: `(?=`');
  });
});

describe('never write over an input', () => {
  it('--out-dir that is a link to the input folder is refused; the inputs stay as they were', () => {
    const dir = tree({ 'in/a.txt': `Advertisement\n${STORY}` });
    symlinkSync(path.join(dir, 'in'), path.join(dir, 'link'));
    const r = cli(dir, ['in', '--out-dir', 'link']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/link: is inside the input folder in/);
    expect(readFileSync(path.join(dir, 'in/a.txt'), 'utf8')).toBe(`Advertisement\n${STORY}`);
    const below = cli(dir, ['in', '--out-dir', 'link/out']);
    expect(below.code).toBe(2);
  });
  it('--write does not rewrite a file that is not valid UTF-8, and says so in the exit code and summary', () => {
    const bytes = Buffer.concat([Buffer.from('Advertisement\nCaf'), Buffer.from([0xe9]), Buffer.from(' reopens on the harbour front this week after repairs.\n')]);
    const dir = tree({ 'in/a.txt': bytes });
    const r = cli(dir, ['in', '--write']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\/a\.txt: not rewritten in place: the file is not valid UTF-8/);
    expect(r.stderr).toMatch(/1 file read, 0 changed, 1 failed/);
    expect(readFileSync(path.join(dir, 'in/a.txt'))).toEqual(bytes);
  });
});

describe('no silent skip in folder walks', () => {
  it('a file name that is not valid UTF-8 is reported by name, and the exit code says so', () => {
    const dir = tree({ 'in/a.txt': STORY });
    writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'in') + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]), STORY);
    const r = cli(dir, ['in', '--check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\/caf\uFFFD\.txt: its name is not valid UTF-8/);
  });
  it('an unreadable subfolder is reported by name, and the rest is still cleaned', () => {
    const dir = tree({ 'in/a.txt': `Advertisement\n${STORY}`, 'in/locked/b.txt': STORY });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'in/locked'), 0o000);
    const r = cli(dir, ['in', '--out-dir', '/tmp/' + path.basename(dir) + '-out'], '', process.getuid?.() === 0 ? 65534 : undefined);
    chmodSync(path.join(dir, 'in/locked'), 0o755);
    expect(r.stderr).toMatch(/in\/locked: folder not read: permission denied/);
    expect(r.code).toBe(1);
    expect(readFileSync(`/tmp/${path.basename(dir)}-out/a.txt`, 'utf8')).toBe(STORY);
  });
});

describe('text that is not plain UTF-8', () => {
  it('one stray NUL byte is dropped with a warning, not refused as binary', () => {
    const dir = tree({ 'a.txt': Buffer.concat([Buffer.from('The pier'), Buffer.from([0]), Buffer.from(' reopened on Monday.\n')]) });
    const r = cli(dir, ['a.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('The pier reopened on Monday.\n');
    expect(r.stderr).toMatch(/removed 1 control character/);
  });
  it('UTF-16 (both byte orders) and UTF-32 with a BOM are decoded, with the decision reported', () => {
    const text = 'Caf\u00e9 owners met the mayor on Monday.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const u32 = Buffer.alloc(4 + [...text].length * 4);
    u32.writeUInt32LE(0xfeff, 0);
    [...text].forEach((ch, i) => u32.writeUInt32LE(ch.codePointAt(0)!, 4 + i * 4));
    const dir = tree({ 'le.txt': le, 'be.txt': be, 'u32.txt': u32 });
    for (const [f, enc] of [['le.txt', 'UTF-16LE'], ['be.txt', 'UTF-16BE'], ['u32.txt', 'UTF-32LE']]) {
      const r = cli(dir, [f]);
      expect(r.code, f).toBe(0);
      expect(r.stdout, f).toBe(text);
      expect(r.stderr, f).toContain(`decoded as ${enc} (by its byte order mark)`);
    }
    const w = cli(dir, ['le.txt', '--write']);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/le\.txt: not rewritten in place: the file is UTF-16LE/);
  });
  it('binary files are still refused: by signature, or by their share of control bytes', () => {
    const noise = Buffer.alloc(2000);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7) % 32;
    const dir = tree({ 'a.pdf.txt': Buffer.from('%PDF-1.7\n...'), 'noise.txt': noise });
    expect(cli(dir, ['a.pdf.txt']).stderr).toMatch(/a\.pdf\.txt: is a PDF document, not text/);
    const r = cli(dir, ['noise.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/noise\.txt: looks like a binary file \(\d+% of its first 2000 bytes are control bytes\)/);
  });
});

describe('JSON Lines records', () => {
  it('a duplicate key: the value a JSON parser reads (the last) is the one cleaned', () => {
    expect(fieldSpan('{"text":"a","id":1,"text":"bc"}', 'text')).toEqual([26, 30]);
    const dir = tree({});
    const r = cli(dir, ['--input-format', 'jsonl'], '{"text":"first","text":"Advertisement\\nThe pier reopened."}\n');
    expect(JSON.parse(r.stdout).text).toBe('The pier reopened.\n');
    expect(r.stdout).toContain('"text":"first"');
  });
  it('a BOM before the first record is dropped; control characters and invalid UTF-8 warn with the line', () => {
    const bad = Buffer.concat([Buffer.from('\uFEFF{"text":"One."}\n{"text":"Two\\u0007 words."}\n{"text":"Caf'), Buffer.from([0xe9]), Buffer.from('."}\n')]);
    const dir = tree({ 'in.jsonl': bad });
    const r = cli(dir, ['--input-format', 'jsonl', 'in.jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).text)).toEqual(['One.\n', 'Two words.\n', 'Caf\uFFFD.\n']);
    expect(r.stderr).toMatch(/in\.jsonl:2: removed 1 control character/);
    expect(r.stderr).toMatch(/in\.jsonl:3: holds U\+FFFD replacement characters/);
    expect(r.stderr).toMatch(/3 records cleaned/);
    expect(r.stderr).not.toMatch(/malformed JSON/);
  });
});

describe('config and usage errors', () => {
  it('a folder named .clean-article.yaml found by the search is a config error (exit 2), not an internal error', () => {
    const dir = tree({ 'sub/a.txt': STORY });
    mkdirSync(path.join(dir, '.clean-article.yaml'));
    const r = cli(path.join(dir, 'sub'), ['a.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.clean-article\.yaml: is a directory, not a file/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
  it('an unreadable config exits 2, and error texts name the cause once', () => {
    const dir = tree({ '.clean-article.yaml': 'extends: [recommended]\n', 'a.txt': STORY });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'a.txt'), 0o644);
    chmodSync(path.join(dir, '.clean-article.yaml'), 0o000);
    const r = cli(dir, ['a.txt'], '', process.getuid?.() === 0 ? 65534 : undefined);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.clean-article\.yaml: permission denied/);
    expect(r.stderr).not.toMatch(/EACCES: EACCES/);
  });
  it("commander's own errors carry the clean-article: prefix every other error has", () => {
    const r = cli(tree({}), ['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^clean-article: error: unknown option '--bogus'/);
  });
});

describe('idempotence on entity soup', () => {
  it('multiply encoded and unterminated entities decode to a fixed point', () => {
    for (const x of ['&amp&amp', '&amp;amp;#39;', '&amp;amp;amp;lt;b&amp;gt;', 'A &am\np; B', 'x &\u200Bamp; y', '&#38;#38;#38;']) {
      const once = clean(x).text;
      expect(clean(once).text, JSON.stringify(x)).toBe(once);
    }
    expect(clean('Tom &amp&amp Jerry.').text).toBe('Tom && Jerry.\n');
  });
});
