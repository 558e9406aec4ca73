import { constants } from 'node:fs';
import { chmod, chown, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
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
 * A symlink is written through: its target changes, the link stays.
 */
export async function writeAtomic(file: string, data: string): Promise<void> {
  let target = file;
  try {
    target = await realpath(file);
  } catch {
    // A new file: nothing to follow.
  }
  const old = await stat(target).catch(() => undefined);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${TAG}-${process.pid}-${threadId}-${++counter}`);
  const handle = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, old ? old.mode & 0o7777 : 0o666);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
    await handle.close();
    if (old) {
      // open() applied the umask; the file's own mode is what must survive.
      await chmod(tmp, old.mode & 0o7777);
      if (process.getuid?.() === 0) await chown(tmp, old.uid, old.gid).catch(() => undefined);
    }
    await rename(tmp, target);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
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
