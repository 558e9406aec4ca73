import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Write a file atomically: a temp file in the same folder, fsync, rename, mode kept. A reader
 * (or a crash) sees the old content or the new one, never half of either.
 */
export async function writeAtomic(file: string, data: string): Promise<void> {
  await writeFileAtomic(file, data, { encoding: 'utf8', fsync: true });
}

/** Are `a` and `b` the same file on disk (following links), so writing `b` would destroy `a`? */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}
