import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { clean, type Config } from '../src/index.js';
import { validateConfig } from '../src/rules/validate.js';
import { jsonSchema } from '../src/rules/json-schema.js';
import { runIn, tree } from './helpers/world.js';

const ARTICLE = 'The pier closed on Monday.\n\nSponsored by Example Bank\n\nAdvertisement\n\nRepairs start in May.\n';
const sponsor = { id: 'site/sponsor', match: 'prefix', pattern: 'Sponsored by', maxWords: 10 };

describe('config discovery', () => {
  it('uses the nearest config above the input, searching upward', async () => {
    const dir = tree({ '.clean-article.json': JSON.stringify({ rules: [sponsor] }), 'a/b/article.txt': ARTICLE });
    const r = await runIn(dir, ['a/b/article.txt']);
    expect(r).toMatchObject({ code: 0, stdout: 'The pier closed on Monday.\n\nRepairs start in May.\n' });
  });
  it('a nearer config wins over one further up', async () => {
    const dir = tree({
      '.clean-article.json': JSON.stringify({ rules: [sponsor] }),
      'a/.clean-article.yaml': 'extends: []\n',
      'a/article.txt': ARTICLE,
    });
    expect((await runIn(dir, ['a/article.txt'])).stdout).toBe(ARTICLE);
  });
  it('in one folder: .clean-article.json, then .yaml, then .yml, then package.json', async () => {
    const files = {
      '.clean-article.json': '{"extends": ["ads"]}',
      '.clean-article.yaml': 'extends: []\nrules: [{id: site/sponsor, match: prefix, pattern: Sponsored by}]\n',
      '.clean-article.yml': 'extends: [legal]\n',
      'package.json': '{"name": "x", "clean-article": {"extends": []}}',
      'article.txt': ARTICLE,
    };
    const files1 = (await runIn(tree(files), ['--print-config', 'article.txt'])).stdout;
    expect(JSON.parse(files1).files[0]).toMatch(/\.clean-article\.json$/);
    const { ['.clean-article.json']: _j, ...noJson } = files;
    expect(JSON.parse((await runIn(tree(noJson), ['--print-config', 'article.txt'])).stdout).files[0]).toMatch(/\.clean-article\.yaml$/);
    const { ['.clean-article.yaml']: _y, ...noYaml } = noJson;
    expect(JSON.parse((await runIn(tree(noYaml), ['--print-config', 'article.txt'])).stdout).files[0]).toMatch(/\.clean-article\.yml$/);
    const { ['.clean-article.yml']: _l, ...onlyPkg } = noYaml;
    expect(JSON.parse((await runIn(tree(onlyPkg), ['--print-config', 'article.txt'])).stdout).files[0]).toMatch(/package\.json$/);
  });
  it('skips a package.json without a "clean-article" key', async () => {
    const dir = tree({ '.clean-article.json': '{"extends": []}', 'sub/package.json': '{"name": "x"}', 'sub/article.txt': ARTICLE });
    expect(JSON.parse((await runIn(dir, ['--print-config', 'sub/article.txt'])).stdout).files[0]).toMatch(/\.clean-article\.json$/);
  });
  it('stdin searches from the working directory', async () => {
    const dir = tree({ '.clean-article.yaml': 'rules:\n  - {id: site/sponsor, match: prefix, pattern: Sponsored by}\n' });
    expect((await runIn(dir, [], ARTICLE)).stdout).toBe('The pier closed on Monday.\n\nRepairs start in May.\n');
  });
  it('-c names the config and skips the search; --no-config uses the defaults', async () => {
    const dir = tree({ '.clean-article.json': '{"extends": []}', 'mine.yaml': 'extends: [ads]\n', 'article.txt': ARTICLE });
    expect((await runIn(dir, ['article.txt'])).stdout).toBe(ARTICLE);
    expect((await runIn(dir, ['-c', 'mine.yaml', 'article.txt'])).stdout).toBe('The pier closed on Monday.\n\nSponsored by Example Bank\n\nRepairs start in May.\n');
    expect((await runIn(dir, ['--no-config', 'article.txt'])).stdout).toBe('The pier closed on Monday.\n\nSponsored by Example Bank\n\nRepairs start in May.\n');
  });
  it('--print-config shows presets expanded with where each rule comes from', async () => {
    const dir = tree({ '.clean-article.yaml': 'extends: [ads]\nrules: [{id: site/sponsor, match: prefix, pattern: Sponsored by}]\nguard: {maxRemovedShare: 0.3}\n' });
    const printed = JSON.parse((await runIn(dir, ['--print-config'])).stdout);
    expect(printed.rules.map((r: { id: string; preset?: string; source?: string }) => [r.id, r.preset ?? path.basename(r.source!)])).toEqual([
      ['ads/label', 'ads'],
      ['site/sponsor', '.clean-article.yaml'],
    ]);
    expect(printed.guard).toEqual({ maxRemovedShare: 0.3 });
  });
});

describe('extends and disable', () => {
  it('follows extends chains through files, relative to each file', async () => {
    const dir = tree({
      'base/site.yaml': 'extends: [ads]\nrules: [{id: site/sponsor, match: prefix, pattern: Sponsored by}]\n',
      'proj/.clean-article.json': '{"extends": ["../base/site.yaml"], "disable": ["ads/label"]}',
      'proj/article.txt': ARTICLE,
    });
    expect((await runIn(dir, ['proj/article.txt'])).stdout).toBe('The pier closed on Monday.\n\nAdvertisement\n\nRepairs start in May.\n');
  });
  it('a cycle is a clear error naming the chain', async () => {
    const dir = tree({ '.clean-article.yaml': 'extends: [./a.yaml]\n', 'a.yaml': 'extends: [./b.yaml]\n', 'b.yaml': 'extends: [./a.yaml]\n', 'x.txt': 'Hi.\n' });
    const r = await runIn(dir, ['x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/extends\[0\]: extends cycle: .*a\.yaml → .*b\.yaml → .*a\.yaml/);
  });
  it('disable switches off a preset rule; the API takes the same config', () => {
    expect(clean(ARTICLE, { extends: ['ads'], disable: ['ads/label'] }).text).toBe(ARTICLE);
  });
  it('a rule with the id of an inherited rule replaces it', () => {
    const config: Config = { extends: ['ads'], rules: [{ id: 'ads/label', match: 'exact', pattern: 'Sponsored by Example Bank' }] };
    expect(clean(ARTICLE, config).text).toBe('The pier closed on Monday.\n\nAdvertisement\n\nRepairs start in May.\n');
  });
});

describe('rule matching', () => {
  const only = (rule: Record<string, unknown>): Config => ({ extends: [], repeated: { enabled: false }, rules: [{ id: 'x/y', ...rule } as never] });
  it.each([
    ['phrase', { match: 'phrase', pattern: 'sponsored  BY' }, 'Sponsored by Example Bank'],
    ['exact', { match: 'exact', pattern: 'advertisement' }, 'Advertisement'],
    ['prefix', { match: 'prefix', pattern: 'Sponsored' }, 'Sponsored by Example Bank'],
    ['suffix', { match: 'suffix', pattern: 'Example Bank' }, 'Sponsored by Example Bank'],
    ['regex', { match: 'regex', pattern: '^Adv\\w+$' }, 'Advertisement'],
    ['a pattern list', { match: 'exact', pattern: ['nothing', 'Advertisement'] }, 'Advertisement'],
    ['scope line', { match: 'exact', scope: 'line', pattern: 'Example Bank', action: 'remove-match' }, 'Example Bank'],
  ])('%s', (_, rule, removed) => {
    const input = 'The pier closed on Monday.\n\nSponsored by \nExample Bank\n\nAdvertisement\n';
    const r = clean(input, only(rule));
    expect(r.removed.map((x) => x.text)).toEqual([removed]);
  });
  it('u and v flags are accepted: RE2 matches by code point and knows \\p{…} anyway', () => {
    const r = clean('The pier closed on Monday.\n\nADVERT\n', only({ match: 'regex', pattern: '^\\p{Lu}+$', flags: 'v' }));
    expect(r.removed.map((x) => x.text)).toEqual(['ADVERT']);
  });
  it('phrase matches whole words only', () => {
    expect(clean('Adverts everywhere.\n', only({ match: 'phrase', pattern: 'advert' })).removed).toEqual([]);
  });
});

describe('validation', () => {
  const errors = (data: unknown) => {
    const v = validateConfig(data, 'cfg.json');
    return v.ok ? [] : v.errors.map((e) => `${e.path}: ${e.message}`);
  };
  it('accepts a valid config', () => {
    expect(validateConfig({ extends: ['recommended'], rules: [{ id: 'a/b', match: 'phrase', pattern: 'x', examples: [{ input: 'x', removed: true }] }] }, 'f').ok).toBe(true);
  });
  it.each([
    [{ extnds: [] }, 'extnds: unknown key (did you mean "extends"?)'],
    [{ rules: [{ id: 'a/b', match: 'phrase', pattern: 'x', pattrn: 'y' }] }, 'rules[0].pattrn: unknown key (did you mean "pattern"?)'],
    [{ rules: [{ id: 'a/b', match: 'phrse', pattern: 'x' }] }, 'rules[0].match: must be one of "phrase", "exact", "prefix", "suffix", "regex" (did you mean "phrase"?)'],
    [{ rules: [{ id: 'a/b', match: 'phrase', pattern: 'x', maxWords: 'ten' }] }, 'rules[0].maxWords: must be a number'],
    [{ rules: [{ id: 'a/b', match: 'phrase', pattern: 'x', maxWords: 2.5 }] }, 'rules[0].maxWords: must be a whole number'],
    [{ rules: [{ id: 'Bad', match: 'phrase', pattern: 'x' }] }, 'rules[0].id: must look like group/name: lower-case letters, digits and dashes'],
    [{ rules: [{ id: 'a/b', match: 'regex', pattern: '(open' }] }, 'rules[0].pattern: invalid regular expression: missing closing ): `(open`'],
    [{ rules: [{ id: 'a/b', match: 'regex', pattern: ['ok', '[z-a]'] }] }, 'rules[0].pattern[1]: invalid regular expression: invalid character class range: `z-a`'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x', action: 'remove-range' }] }, 'rules[0].end: remove-range needs an end pattern'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x', end: 'y' }] }, 'rules[0].end: end only goes with action: remove-range'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x', action: 'remove-section' }] }, 'rules[0].confirm: remove-section needs a confirm pattern'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x', confirm: 'y', minConfirm: 3 }] }, 'rules[0].minConfirm: minConfirm only goes with action: remove-section'],
    [{ rules: [{ id: 'a/b', match: 'regex', pattern: 'x', action: 'remove-section', confirm: '(' }] }, 'rules[0].confirm: invalid regular expression: missing closing ): `(`'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x', count: 2 }] }, 'rules[0].count: count only goes with action: remove-following'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x', maxBlockWords: 20 }] }, 'rules[0].maxBlockWords: maxBlockWords only goes with action: remove-match'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x', action: 'remove-match', label: true }] }, 'rules[0].label: label only goes with action: remove-block or remove-following'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x', flags: 'i' }] }, 'rules[0].flags: flags only go with match: regex'],
    [{ rules: [{ id: 'a/b', match: 'regex', pattern: 'x', flags: 'g' }] }, 'rules[0].flags: only the flags i, m, s, u and v are allowed'],
    [{ rules: [{ id: 'a/b', match: 'exact', pattern: 'x' }, { id: 'a/b', match: 'exact', pattern: 'y' }] }, 'rules[1].id: "a/b" is already the id of rules[0]'],
    [{ guard: { maxRemovedShare: 2 } }, 'guard.maxRemovedShare: Too big: expected number to be <=1'],
    [{ rules: 'none' }, 'rules: must be a array'],
  ])('%j → %s', (data, message) => {
    expect(errors(data)).toContain(message);
  });
  it('a failing example is an error naming the rule and the example', () => {
    const e = errors({ rules: [{ id: 'site/s', match: 'phrase', pattern: 'brought to you by', examples: [{ input: 'Brought to you by a bank.', removed: false }] }] });
    expect(e).toEqual(['rules[0].examples[0]: rule "site/s": expected the rule to keep "Brought to you by a bank.", but it removed "Brought to you by a bank."']);
  });
  it('reports every error at once, from all rules and keys', () => {
    expect(errors({ extnds: [], rules: [{ id: 'a/b', match: 'regex', pattern: '(' }, { id: 'c/d', match: 'nope', pattern: 'x' }] })).toHaveLength(3);
  });
  it('the CLI prints each error with file and JSON path and exits 2', async () => {
    const dir = tree({ '.clean-article.json': '{"extends": ["recomended"], "disable": ["ads/lable"], "rules": [{"id": "a/b", "match": "regex", "pattern": "("}]}', 'x.txt': 'Hi.\n' });
    let r = await runIn(dir, ['x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.clean-article.json: rules[0].pattern: invalid regular expression: missing closing ): `(`');
    r = await runIn(tree({ '.clean-article.json': '{"extends": ["recomended"], "disable": ["ads/lable"]}', 'x.txt': 'Hi.\n' }), ['x.txt']);
    expect(r.stderr).toContain('.clean-article.json: extends[0]: unknown preset "recomended" (did you mean "recommended"?)');
    r = await runIn(tree({ '.clean-article.json': '{"disable": ["ads/lable"]}', 'x.txt': 'Hi.\n' }), ['x.txt']);
    expect(r.stderr).toContain('.clean-article.json: disable[0]: no rule "ads/lable" is in force (did you mean "ads/label"?)');
    r = await runIn(tree({ '.clean-article.json': '{"extends": ["./gone.yaml"]}', 'x.txt': 'Hi.\n' }), ['x.txt']);
    expect(r.stderr).toContain('.clean-article.json: extends[0]: ./gone.yaml: no such file');
  });
  it.each([
    ['.clean-article.json', '{"extends": [', /\.clean-article\.json: cannot be parsed: /],
    ['.clean-article.yaml', 'extends: [ads\n', /\.clean-article\.yaml: cannot be parsed: .*line 2/],
  ])('%s that does not parse is an error with the cause', async (name, text, message) => {
    const r = await runIn(tree({ [name]: text, 'x.txt': 'Hi.\n' }), ['x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('-c package.json without the key says so', async () => {
    const r = await runIn(tree({ 'package.json': '{"name": "x"}', 'x.txt': 'Hi.\n' }), ['-c', 'package.json', 'x.txt']);
    expect(r.stderr).toMatch(/package\.json: has no "clean-article" key/);
  });
});

describe('config formats and schema', () => {
  it('YAML and JSON configs give the same result', async () => {
    const config = { extends: ['ads'], rules: [sponsor] };
    const a = await runIn(tree({ '.clean-article.json': JSON.stringify(config), 'x.txt': ARTICLE }), ['x.txt', '--format', 'json']);
    const b = await runIn(tree({ '.clean-article.yaml': YAML.stringify(config), 'x.txt': ARTICLE }), ['x.txt', '--format', 'json']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(a.stdout).removed.map((r: { rule: string }) => r.rule)).toEqual(['site/sponsor', 'ads/label']);
  });
  it('the shipped JSON Schema is the one generated from the validator (npm run build:schema)', () => {
    const shipped = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../schema/clean-article.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(jsonSchema())));
  });
});

describe('init and rules', () => {
  it('init writes a starter config that loads, and refuses to overwrite it', async () => {
    const dir = tree({});
    expect(await runIn(dir, ['init'])).toMatchObject({ code: 0, stdout: 'wrote .clean-article.yaml\n' });
    const printed = JSON.parse((await runIn(dir, ['--print-config'])).stdout);
    // The starter config extends recommended: every preset rule is in force.
    const { PRESETS } = await import('../src/rules/presets.js');
    const all = new Set(Object.values(PRESETS).flatMap((p) => p.rules.map((r) => r.id)));
    expect(printed.rules.map((r: { id: string }) => r.id).sort()).toEqual([...all].sort());
    const again = await runIn(dir, ['init']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/\.clean-article\.yaml: already exists; not overwritten/);
  });
  it('rules lists the rules in force with their source', async () => {
    const dir = tree({ '.clean-article.yaml': 'extends: [ads]\nrules: [{id: site/sponsor, match: prefix, pattern: Sponsored by, description: Sponsor line}]\n' });
    const r = await runIn(dir, ['rules']);
    expect(r.stdout.trim().split('\n')).toEqual([
      'config: .clean-article.yaml',
      expect.stringMatching(/^ads\/label +preset ads +A block that is only an advertisement label/),
      expect.stringMatching(/^site\/sponsor +\.clean-article\.yaml +Sponsor line$/),
    ]);
  });
});

describe('a site rule set for an invented publisher', () => {
  const root = path.resolve(import.meta.dirname, '../fixtures');
  for (const name of ['site-rules-lantern-gazette', 'site-rules-lantern-gazette-2']) {
    it(`${name}: the defaults alone leave it dirty; the site rules clean it, each rule doing its part`, async () => {
      const input = readFileSync(path.join(root, name, 'input.txt'), 'utf8');
      const expected = readFileSync(path.join(root, name, 'expected.txt'), 'utf8');
      const defaults = clean(input);
      expect(defaults.text).not.toBe(expected);
      const r = await runIn(root, ['-c', `${name}/config.json`, `${name}/input.txt`, '--format', 'json']);
      const json = JSON.parse(r.stdout);
      expect(json.text).toBe(expected);
      const fired = new Set(json.removed.map((x: { rule: string }) => x.rule));
      for (const id of ['lantern/reading-time', 'lantern/filed-under', 'lantern/members-box', 'lantern/early-access', 'lantern/tips']) expect(fired).toContain(id);
    });
  }
});
