import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';

// JSON Lines shards and counts files usually travel compressed. Inputs are recognised by their
// first bytes, whatever their name; outputs are compressed by their name's extension. gzip is
// Node's own zlib. zstd goes through the zstd program (Debian's and Homebrew's package zstd):
// Node 20's zlib has no zstd, the npm bindings that stream compile C on every install (slow for
// a pre-commit hook, and failing where there is no compiler), and the prebuilt one does not stream.
const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];

export type Compression = 'gzip' | 'zstd' | undefined;

/** The compression a file's first bytes announce. */
export function sniff(file: string): Compression {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    return startsWith(head.subarray(0, n), GZIP) ? 'gzip' : startsWith(head.subarray(0, n), ZSTD) ? 'zstd' : undefined;
  } finally {
    closeSync(fd);
  }
}

const startsWith = (b: Uint8Array, magic: number[]) => b.length >= magic.length && magic.every((m, i) => b[i] === m);

export class UnsupportedCompression extends Error {}

const NO_ZSTD = 'is zstd-compressed, and reading it needs the zstd program on PATH (package zstd)';

/** A file's bytes as a stream, decompressed when it is gzip or zstd. */
export function openStream(file: string): Readable {
  const kind = sniff(file);
  if (kind === 'zstd') return zstd(['-d', '-c', '-q', '--', file], NO_ZSTD).stdout;
  const raw = createReadStream(file);
  if (kind !== 'gzip') return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

export const gzipped = (file: string) => file.endsWith('.gz');
export const zstded = (file: string) => file.endsWith('.zst');

/** The zstd program with these arguments; its failure (missing, or bad data) errors its stdout. */
function zstd(args: string[], missing: string): { stdin: Writable; stdout: PassThrough } {
  const out = new PassThrough();
  const child = spawn('zstd', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.on('error', (e: NodeJS.ErrnoException) => out.destroy(e.code === 'ENOENT' ? new UnsupportedCompression(missing) : e));
  child.stdout.pipe(out, { end: false });
  // Writing to a zstd that failed to start: the failure is reported once, on its output.
  child.stdin.on('error', () => undefined);
  child.on('close', (code) => {
    if (code === 0) out.end();
    else if (code !== null) out.destroy(new UnsupportedCompression(`zstd failed (exit ${code}): ${err.trim().split('\n').pop()}`));
  });
  return { stdin: child.stdin, stdout: out };
}

/** A stream that zstd-compresses what is written to it into `to`. */
export function zstdTo(to: Writable): Writable {
  const z = zstd(['-q', '-c', '-'], 'cannot be written zstd-compressed: that needs the zstd program on PATH (package zstd)');
  z.stdout.pipe(to);
  z.stdout.on('error', (e) => to.destroy(e));
  return z.stdin;
}
