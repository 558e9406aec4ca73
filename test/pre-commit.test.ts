// The hooks as a user installs them: the real pre-commit framework builds this package from a git
// repository (npm install, npm pack, npm install -g), then runs it on a commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeFences } from './helpers/readme.js';

const root = path.resolve(import.meta.dirname, '..');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });

describe('pre-commit hooks', () => {
  // CI installs pre-commit (.ci/run), so there the test must run; elsewhere it says why it skips.
  if (!hasPreCommit && process.env.CI) it('pre-commit is installed in CI', () => expect(hasPreCommit).toBe(true));
  it.skipIf(!hasPreCommit)('the check hook refuses a dirty commit; the fix hook cleans the file so the commit goes through', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'clean-article-hooks-'));
    // The hook repository: this checkout's files as they are now, committed.
    const hookRepo = path.join(tmp, 'hook-repo');
    mkdirSync(hookRepo);
    const files = git(root, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean);
    for (const f of files) {
      try {
        cpSync(path.join(root, f), path.join(hookRepo, f), { recursive: true });
      } catch {
        // A file deleted in the working tree but still in the index.
      }
    }
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-qm', 'hook repo');
    const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

    const work = path.join(tmp, 'work');
    mkdirSync(work);
    git(work, 'init', '-q');
    // The README's example, as a user copies it: the repository and commit filled in; the fix hook
    // is the commented alternative, switched on by removing its comment marks.
    const example = readmeFences().find((f) => f.lang === 'yaml' && f.body.startsWith('repos:'));
    expect(example, 'the README shows a .pre-commit-config.yaml').toBeDefined();
    const filled = example!.body.replace('<git URL of this repository>', hookRepo).replace('<a commit id of it>', rev);
    const config = (fix: boolean) => (fix ? filled.replace(/^(\s*)# (- id: clean-article-fix|  (?:files|language_version):)/gm, '$1$2') : filled);
    const env = { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'cache'), GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    const commit = () => spawnSync('git', ['commit', '-m', 'data'], { cwd: work, env, encoding: 'utf8' });
    const dirty = 'The ferry runs again &amp; on time.\nAdvertisement\n';

    writeFileSync(path.join(work, '.pre-commit-config.yaml'), config(false));
    execFileSync('pre-commit', ['install'], { cwd: work, env });
    writeFileSync(path.join(work, 'story.txt'), dirty);
    git(work, 'add', '-A');
    const refused = commit();
    expect(refused.status, refused.stdout + refused.stderr).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/story\.txt: ads\/label/);
    expect(readFileSync(path.join(work, 'story.txt'), 'utf8')).toBe(dirty);

    writeFileSync(path.join(work, '.pre-commit-config.yaml'), config(true));
    git(work, 'add', '-A');
    const fixed = commit();
    expect(fixed.status).not.toBe(0);
    expect(fixed.stdout + fixed.stderr).toMatch(/files were modified by this hook/);
    expect(readFileSync(path.join(work, 'story.txt'), 'utf8')).toBe('The ferry runs again & on time.\n');
    git(work, 'add', '-A');
    const ok = commit();
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  }, 600_000);
});
