import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/run.js';

/** Run the CLI in-process in `cwd`, with `input` on stdin; capture what it writes. */
export async function runIn(cwd: string, argv: string[], input = '', env: Record<string, string> = {}) {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await run({ argv, stdin, stdout, stderr, env, cwd });
  return { code, stdout: out, stderr: err };
}

/** A fresh temp folder filled with `files` (path → content). */
export function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'clean-article-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}
