import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync, gzipSync } from 'node:zlib';

// JSON Lines shards and counts files usually travel compressed. Inputs are recognised by their
// first bytes, whatever their name; outputs are compressed by their name's extension.
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

/** A file's bytes as a stream, decompressed when it is gzip. */
export function openStream(file: string): Readable {
  const kind = sniff(file);
  if (kind === 'zstd') throw new UnsupportedCompression('is zstd-compressed, which this build does not read');
  const raw = createReadStream(file);
  if (kind !== 'gzip') return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** A whole (small) file as text, decompressed when it is gzip. */
export function readText(file: string): string {
  const bytes = readFileSync(file);
  if (startsWith(bytes, ZSTD)) throw new UnsupportedCompression('is zstd-compressed, which this build does not read');
  return (startsWith(bytes, GZIP) ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** What to write for `file`: gzip when its name ends in .gz. */
export function encodeFor(file: string, text: string): string | Uint8Array {
  return file.endsWith('.gz') ? gzipSync(Buffer.from(text, 'utf8')) : text;
}

export const gzipped = (file: string) => file.endsWith('.gz');
