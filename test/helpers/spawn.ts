import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const bin = path.join(root, 'bin/clean-article.cjs');

export interface SpawnOptions {
  cwd?: string;
  input?: string | Buffer;
  /** Added to a clean environment that holds only PATH. */
  env?: Record<string, string>;
  /** Run as this user id (as root, permissions stop no read: tests of unreadable files need another user). */
  as?: number;
}

/** Run the built binary as a user would: a clean environment, stdin as given, output captured. */
export function spawnCli(args: string[], opts: SpawnOptions = {}) {
  const cmd = opts.as === undefined ? [process.execPath, bin, ...args] : ['setpriv', `--reuid=${opts.as}`, `--regid=${opts.as}`, '--clear-groups', process.execPath, bin, ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), {
    cwd: opts.cwd ?? root,
    input: opts.input ?? '',
    env: { PATH: process.env.PATH ?? '', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
