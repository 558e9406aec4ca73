// The README as executable documentation: every block marked `runnable` runs, line by line, in a
// folder of sample files with `clean-article` on PATH; the set-up block runs in a fresh copy of the
// repository. A README that drifts from the tool fails here.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, readmeFences, root } from './helpers/readme.js';

const fences = readmeFences();
const runnable = fences.filter((f) => f.tags.includes('runnable'));
const fixture = (rel: string) => readFileSync(path.join(root, 'fixtures', rel), 'utf8');

/** A folder with what the README's examples name: article.txt, articles/, data/, JSON Lines, shards. */
function sandbox(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'clean-article-readme-'));
  const bin = path.join(dir, '.bin');
  mkdirSync(bin);
  symlinkSync(path.join(root, 'bin/clean-article.cjs'), path.join(bin, 'clean-article'));
  // The scraper of the examples: prints a scraped article whatever URL it is given.
  writeFileSync(path.join(bin, 'my-scraper'), `#!/bin/sh\ncat '${path.join(root, 'fixtures/article-seed-shape/input.txt')}'\n`);
  chmodSync(path.join(bin, 'my-scraper'), 0o755);
  const article = fixture('article-seed-shape/input.txt');
  writeFileSync(path.join(dir, 'article.txt'), article);
  cpSync(path.join(root, 'fixtures/across/input'), path.join(dir, 'articles'), { recursive: true });
  cpSync(path.join(root, 'fixtures/across/input'), path.join(dir, 'data'), { recursive: true });
  const stories = ['legal', 'newsletter', 'share', 'promo'].map((c) => fixture(`${c}/input.txt`));
  writeFileSync(path.join(dir, 'scraped.jsonl'), stories.map((body, i) => JSON.stringify({ url: `https://example.invalid/${i}`, body })).join('\n') + '\n');
  writeFileSync(path.join(dir, 'part-1.jsonl'), stories.slice(0, 2).map((text) => JSON.stringify({ text })).join('\n') + '\n');
  writeFileSync(path.join(dir, 'part-2.jsonl'), stories.slice(2).map((text) => JSON.stringify({ text })).join('\n') + '\n');
  for (const [shard, names] of [
    ['a', ['story-1.txt', 'story-2.txt']],
    ['b', ['story-3.txt', 'story-4.txt']],
  ] as const) {
    mkdirSync(path.join(dir, 'shards', shard), { recursive: true });
    for (const n of names) cpSync(path.join(root, 'fixtures/across/input/harbor-herald', n), path.join(dir, 'shards', shard, n));
  }
  return { dir, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir } };
}

function sh(line: string, cwd: string, env: Record<string, string>) {
  const r = spawnSync('bash', ['-c', line], { cwd, env, input: '', encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A check writes nothing and exits 1 when something would change: that is the command working.
const mayExitOne = (line: string) => /--check|(^|\s)-l(\s|$)/.test(line);

describe('README blocks marked runnable', () => {
  it('the README marks its shell examples and its config example runnable', () => {
    expect(runnable.filter((f) => f.lang === 'sh').length).toBeGreaterThanOrEqual(5);
    expect(runnable.filter((f) => f.lang === 'yaml').length).toBe(1);
  });

  for (const fence of runnable.filter((f) => f.lang === 'sh')) {
    it(`the shell block at README.md:${fence.line} runs as written`, () => {
      const { dir, env } = sandbox();
      for (const line of commands(fence.body)) {
        const r = sh(line, dir, env);
        const ok = r.code === 0 || (r.code === 1 && mayExitOne(line));
        expect(ok, `README.md:${fence.line}: \`${line}\` exited ${r.code}\n${r.stderr}`).toBe(true);
        expect(r.stderr, line).not.toMatch(/error:|command not found/);
      }
    }, 60_000);
  }

  it('the config example loads, its rule examples pass, and it cleans with its rule in force', () => {
    const fence = runnable.find((f) => f.lang === 'yaml')!;
    const name = /^#\s*(\S+)/.exec(fence.body)![1];
    const { dir, env } = sandbox();
    writeFileSync(path.join(dir, name), fence.body);
    const rules = sh('clean-article rules article.txt', dir, env);
    expect(rules.code, rules.stderr).toBe(0);
    expect(rules.stdout).toMatch(/lantern\/members-box/);
    expect(rules.stdout).not.toMatch(/related\/all-caps-headline/);
    const r = sh('clean-article article.txt', dir, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});

describe('the set-up block, in a fresh copy of the repository', () => {
  it('its two commands install, build, put clean-article on PATH and clean the sample', () => {
    const fence = fences.find((f) => f.tags.includes('setup'));
    expect(fence, 'a block marked setup').toBeDefined();
    const lines = commands(fence!.body);
    expect(lines.length).toBe(2);
    const tmp = mkdtempSync(path.join(tmpdir(), 'clean-article-setup-'));
    const copy = path.join(tmp, 'repo');
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of files) if (existsSync(path.join(root, f))) cpSync(path.join(root, f), path.join(copy, f), { recursive: true });
    // npm's global folder for this test only, so the link lands in the temp folder, not the machine's.
    const prefix = path.join(tmp, 'prefix');
    // The user's own environment otherwise: npm reads its registry, proxy and CA settings from it.
    const env = { ...(process.env as Record<string, string>), PATH: `${path.join(prefix, 'bin')}:${process.env.PATH ?? ''}`, npm_config_prefix: prefix };
    const install = sh(lines[0], copy, env);
    expect(install.code, install.stderr).toBe(0);
    expect(existsSync(path.join(prefix, 'bin/clean-article'))).toBe(true);
    const main = sh(lines[1], copy, env);
    expect(main.code, main.stderr).toBe(0);
    expect(main.stdout).toBe(readFileSync(path.join(root, 'fixtures/article-seed-shape/expected.txt'), 'utf8'));
  }, 300_000);
});
