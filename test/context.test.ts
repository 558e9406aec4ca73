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

const CREDITED = (n: number) =>
  `The council met for the ${n}th time this year and agreed to repair the old pier before the summer.\n\n` +
  "Metro Ledger's Sam Ortiz contributed to this report.\n";

const WIRE = [
  'Ferry service across the Tidewater Sound will resume on Friday, the regional transport office said.',
  'Crews spent three weeks replacing the landing ramps that a February storm tore loose.',
  '"We expect the first boat to leave at six in the morning," a spokeswoman for the office said.',
  'Commuters have been driving two hours around the sound since the closure.',
].join('\n');

describe('the context keeps content that shape and repetition would take', () => {
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

  it('the JSON result lists the credit line the context kept, with why', () => {
    const r = clean('Facebook\nTwitter\nReddit\nPinterest\n', { extends: ['share'] });
    expect(r.overruled).toEqual([]);
    const dir = tree({ 'a/1.txt': CREDITED(1), 'a/2.txt': CREDITED(2), 'a/3.txt': CREDITED(3) });
    const out = cli(dir, ['a', '--format', 'jsonl', '--no-config']);
    const rec = JSON.parse(out.stdout.split('\n')[0]);
    expect(rec.text).toContain('contributed to this report');
    expect(rec.overruled).toEqual([{ rule: 'repeated/across-documents', reason: 'kept: a credit line is content', text: "Metro Ledger's Sam Ortiz contributed to this report.", lines: [3, 3] }]);
  });
});
