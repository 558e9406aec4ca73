import { chmodSync, chownSync, closeSync, constants, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

// Temp files carry this tag, the writer's pid and a counter, so a run killed part-way leaves files
// that the next run can recognise as its own and sweep, without guessing at anyone else's files.
const TAG = 'clean-article-tmp';
const TEMP = new RegExp(`^\\..+\\.${TAG}-(\\d+)-\\d+-\\d+$`);
let counter = 0;

/**
 * Write a file atomically: a temp file in the same folder, fsync, rename over the target, mode
 * (and, as root, owner) kept. A reader, or a crash, sees the old content or the new, never half.
 * A symlink is written through: its target changes, the link stays. `durable: false` skips the
 * fsync, for outputs that can be made again from their inputs (--out-dir): the rename still
 * keeps readers from ever seeing half a file, but a power cut may lose the newest ones. With
 * `inPlace: false` (an --out-dir output) a link found at the path is replaced, never followed,
 * since it could lead back to an input. Synchronous, for --write and single outputs; --out-dir
 * batches use writeNew, which does not hold up the cleaning of the next file.
 */
export function writeAtomic(file: string, data: string, durable = true, inPlace = true): void {
  let link;
  try {
    link = inPlace ? lstatSync(file) : undefined;
  } catch {
    link = undefined;
  }
  const target = link?.isSymbolicLink() ? realpathSync(file) : file;
  const old = link?.isSymbolicLink() ? statSync(target) : link;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${TAG}-${process.pid}-${threadId}-${++counter}`);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, old ? old.mode & 0o7777 : 0o666);
  } catch (err) {
    // The temp name is ours; what the user can act on is the path they gave.
    (err as NodeJS.ErrnoException).path = file;
    throw err;
  }
  try {
    writeSync(fd, data, null, 'utf8');
    if (durable) fsyncSync(fd);
    closeSync(fd);
    if (old) {
      chmodSync(tmp, old.mode & 0o7777);
      if (process.getuid?.() === 0) {
        try {
          chownSync(tmp, old.uid, old.gid);
        } catch {
          // Keeping the owner is best effort.
        }
      }
    }
    renameSync(tmp, target);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already gone.
    }
    throw err;
  }
}

/**
 * An --out-dir output, written atomically (temp file, rename; no fsync, no link followed) on
 * libuv's threads: creating a file costs about 0.25 ms on a busy file system, and with a
 * synchronous write that was a fifth of an --out-dir run spent waiting (measured: open() 20% of
 * the profile). Started without waiting, the writes of a chunk of files overlap its cleaning.
 */
export async function writeNew(file: string, data: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${TAG}-${process.pid}-${threadId}-${++counter}`);
  let fh;
  try {
    fh = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o666);
  } catch (err) {
    (err as NodeJS.ErrnoException).path = file;
    throw err;
  }
  try {
    await fh.writeFile(data, 'utf8');
    await fh.close();
    fh = undefined;
    await rename(tmp, file);
  } catch (err) {
    await fh?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** mkdir -p, once per folder per thread. */
const made = new Set<string>();
export function ensureDir(dir: string): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temp files that a killed run left in `dir`. Returns how many went. */
export async function sweepTemps(dir: string): Promise<number> {
  let n = 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[1]))) {
      await unlink(path.join(dir, name)).then(() => n++, () => undefined);
    }
  }
  return n;
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

/**
 * The real path of `p` even when it does not exist yet: the deepest existing folder above it
 * resolved (links followed), the rest appended. Two paths that name one place compare equal.
 */
export function realPath(p: string): string {
  const rest: string[] = [];
  let at = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(p);
      rest.push(path.basename(at));
      at = up;
    }
  }
}

/** fsync a file that was written by a stream, before it is renamed into place. */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
