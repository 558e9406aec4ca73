import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, cleanWith, learn, loadConfig } from '../src/index.js';
import { tree } from './helpers/world.js';

describe('library API', () => {
  it('loadConfig finds the config above a file and its options clean like the CLI', async () => {
    const dir = tree({ '.clean-article.yaml': 'extends: []\nrules: [{id: site/x, match: exact, pattern: Sponsored}]\n', 'a/story.txt': '' });
    const cfg = await loadConfig({ from: path.join(dir, 'a/story.txt') });
    expect(cfg.ok).toBe(true);
    if (!cfg.ok) return;
    expect(cfg.file).toBe(path.join(dir, '.clean-article.yaml'));
    expect(cleanWith('Text.\n\nSponsored\n', cfg.options).text).toBe('Text.\n');
  });
  it('loadConfig returns every problem as a value', async () => {
    const dir = tree({ 'bad.json': '{"rules": [{"id": "x", "match": "nope"}]}' });
    const cfg = await loadConfig({ file: path.join(dir, 'bad.json') });
    expect(cfg.ok).toBe(false);
    if (cfg.ok) return;
    expect(cfg.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['rules[0].id', 'rules[0].match', 'rules[0].pattern']));
  });
  it('learn returns the blocks repeated across documents, most documents first', async () => {
    const doc = (body: string, extra = '') => `Home\nNews\n${body}\n${extra}Subscribe to the Harbor letter today\n`;
    const rules = await learn([
      ['a.txt', doc('Story one is here.', 'Weather\n')],
      ['b.txt', doc('Story two is here.', 'Weather\n')],
      ['c.txt', doc('Story three is here.')],
      ['d.txt', doc('Story four is here.', 'Weather\n')],
    ]);
    expect(rules.map((r) => [r.text, r.docs])).toEqual([
      ['Home', 4],
      ['News', 4],
      ['Subscribe to the Harbor letter today', 4],
      ['Weather', 3],
    ]);
    expect(clean('x').text).toBe('x\n');
  });
});
