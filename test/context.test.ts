// Shape and repetition are weak evidence: content shares them. These folders of invented stories
// were emptied or lost their credit lines before the guard and the credit-line rule.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { tree } from './helpers/world.js';

const bin = path.resolve(import.meta.dirname, '../bin/clean-article.cjs');
const cli = (cwd: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

const WIRE = [
  'Ferry service across the Tidewater Sound will resume on Friday, the regional transport office said.',
  'Crews spent three weeks replacing the landing ramps that a February storm tore loose.',
  '"We expect the first boat to leave at six in the morning," a spokeswoman for the office said.',
  'Commuters have been driving two hours around the sound since the closure.',
].join('\n');

describe('the context keeps content that shape and repetition would take', () => {
  it('ten syndicated copies of one story in a folder all keep the story with --write', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`wire/copy-${i}.txt`] = `Outlet ${i} Home\n\n${WIRE}\n`;
    const dir = tree(files);
    const r = cli(dir, ['wire', '--write']);
    expect(r.status).toBe(0);
    for (let i = 0; i < 10; i++) {
      const out = readFileSync(path.join(dir, `wire/copy-${i}.txt`), 'utf8');
      for (const line of WIRE.split('\n')) expect(out, `copy-${i}`).toContain(line);
    }
    expect(r.stderr).toMatch(/kept \d+ blocks that shape and repetition rules would have removed/);
  });

  it('a credit line repeated across a folder is kept, while the outlet footer it repeats beside goes', () => {
    const files: Record<string, string> = {};
    const topics = ['the pier', 'the library', 'the bus depot', 'the market hall', 'the swimming pool'];
    topics.forEach((t, i) => {
      files[`ledger/story-${i}.txt`] =
        `Council members voted on Monday to repair ${t} before the end of the year, after a long debate.\n\n` +
        `The repairs will be paid from the reserve fund, the treasurer told the meeting on ${t}.\n\n` +
        "Metro Ledger's Sam Ortiz contributed to this report.\n\n" +
        'Metro Ledger Media Group, 12 Quay Street\n';
    });
    const dir = tree(files);
    const r = cli(dir, ['ledger', '--out-dir', 'out', '--no-config']);
    expect(r.status).toBe(0);
    for (let i = 0; i < 5; i++) {
      const out = readFileSync(path.join(dir, `out/story-${i}.txt`), 'utf8');
      expect(out).toContain("Metro Ledger's Sam Ortiz contributed to this report.");
      expect(out).not.toContain('Quay Street');
    }
  });

  it('the JSON result lists what the context overruled, and --strict fails a rolled-back document', () => {
    const r = clean('Facebook\nTwitter\nReddit\nPinterest\n');
    expect(r.text).toBe('Facebook\n\nTwitter\n\nReddit\n\nPinterest\n');
    expect(r.overruled.map((o) => o.rule)).toEqual(Array(4).fill('share/button-run'));
    expect(r.overruled[0].reason).toMatch(/^kept: shape and repetition rules rolled back, they would have emptied the document/);
    const dir = tree({ 'a.txt': 'Facebook\nTwitter\nReddit\nPinterest\n' });
    const strict = cli(dir, ['a.txt', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/error: a\.txt: kept 4 blocks that shape and repetition rules would have removed/);
  });
});
