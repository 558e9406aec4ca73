import { readFileSync } from 'node:fs';
import type * as LegacyModule from './legacy.js';

/** The legacy-encoding module (iconv-lite, chardet): loaded by callers only when --encoding is given, to keep start-up lean. */
export type Legacy = typeof LegacyModule;

/** A failure the user can act on: which input, what went wrong, what to do next. */
export interface InputError {
  file: string;
  cause: string;
  hint?: string;
}

export type ReadResult =
  | { ok: true; text: string; warnings: string[]; /** Set when the bytes were not plain UTF-8 (a UTF-16/32 BOM, invalid sequences): the text cannot be written back as it came. */ encoding?: string }
  | { ok: false; error: InputError };

// How much of a file is looked at to tell text from binary data.
const SNIFF_BYTES = 8000;
// Text has next to no control bytes other than tab and line ends; images, archives and executables
// have many. One stray NUL (seen in real scraped pages) does not make a text file binary.
const MAX_CONTROL_SHARE = 0.1;

/** File types that start with a fixed signature: refused by name, whatever the rest holds. */
const MAGIC: Array<[string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['gzip-compressed data', [0x1f, 0x8b]],
  ['zstd-compressed data', [0x28, 0xb5, 0x2f, 0xfd]],
  ['xz-compressed data', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['bzip2-compressed data', [0x42, 0x5a, 0x68]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['an executable (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['an SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

function binaryCause(bytes: Uint8Array): string | undefined {
  for (const [what, sig] of MAGIC) if (startsWith(bytes, sig)) return `is ${what}, not text`;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (head.length && control / head.length > MAX_CONTROL_SHARE) {
    return `looks like a binary file (${Math.round((control / head.length) * 100)}% of its first ${head.length} bytes are control bytes)`;
  }
  return undefined;
}

/** UTF-32 code units to a string; TextDecoder does not know UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): { text: string; bad: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  let bad = 0;
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      bad++;
      out.push('\uFFFD');
    } else out.push(String.fromCodePoint(cp));
  }
  if (bytes.length % 4) bad++;
  return { text: out.join(''), bad };
}

const BOMS: Array<[string, number[]]> = [
  ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16LE', [0xff, 0xfe]],
  ['UTF-16BE', [0xfe, 0xff]],
];

/**
 * Decode bytes as text: UTF-16 and UTF-32 by their byte order mark, anything else as UTF-8 with
 * invalid sequences replaced (and a warning). Binary data is refused by its signature or by its
 * share of control bytes. The BOM is kept in the decoded text so that cleaning sees it and
 * --check reports it.
 */
export function decodeBytes(bytes: Uint8Array, file: string, encoding?: string, legacy?: Legacy): ReadResult {
  for (const [encoding, bom] of BOMS) {
    if (!startsWith(bytes, bom)) continue;
    let text: string;
    let bad = 0;
    if (encoding.startsWith('UTF-32')) ({ text, bad } = decodeUtf32(bytes, encoding === 'UTF-32LE'));
    else {
      const decoded = new TextDecoder(encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bytes);
      text = decoded;
      for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) bad++;
    }
    const warnings = [`decoded as ${encoding} (by its byte order mark)${bad ? `; ${bad} invalid code unit${bad === 1 ? '' : 's'} replaced with U+FFFD` : ''}`];
    return { ok: true, text, warnings, encoding };
  }
  // A named legacy encoding is the user's word: decode by it (UTF-16 without a BOM has NUL bytes,
  // so the binary test comes after).
  if (encoding && legacy && encoding !== 'auto' && !legacy.isUtf8Name(encoding)) {
    return { ok: true, text: legacy.decodeAs(bytes, encoding), warnings: [], encoding };
  }
  const binary = binaryCause(bytes);
  if (binary) return { ok: false, error: { file, cause: binary, hint: 'pass text files only, or filter by extension with --ext' } };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), warnings: [] };
  } catch {
    if (encoding === 'auto' && legacy) {
      const found = legacy.detectEncoding(bytes);
      if (found) {
        return { ok: true, text: legacy.decodeAs(bytes, found.name), encoding: found.name, warnings: [`not valid UTF-8: decoded as ${found.name} (detected from its content, confidence ${found.confidence}%; name it with --encoding if that is wrong)`] };
      }
    }
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let n = 0;
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
    return {
      ok: true,
      text,
      encoding: 'invalid UTF-8',
      warnings: [`invalid UTF-8: ${n} byte sequence${n === 1 ? '' : 's'} replaced with U+FFFD (name its encoding with --encoding, or let --encoding auto detect it)`],
    };
  }
}

/**
 * Read one input file as text. Expected failures come back as values, never as exceptions.
 * Synchronous: batch tasks handle one file at a time per worker thread, where blocking costs
 * nothing and async reads queue on libuv's small shared pool.
 */
export function readInput(file: string, encoding?: string, legacy?: Legacy): ReadResult {
  try {
    return decodeBytes(readFileSync(file), file, encoding, legacy);
  } catch (err) {
    return { ok: false, error: describeFsError(err, file) };
  }
}

export function describeFsError(err: unknown, file: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return { file, cause: 'no such file', hint: 'check the path' };
    case 'EISDIR':
      return { file, cause: 'is a directory, not a file', hint: 'pass the files inside it, or give the folder with --out-dir, --write or --check' };
    case 'EACCES':
    case 'EPERM':
      return { file, cause: 'permission denied', hint: 'check the file permissions' };
    case 'ENOSPC':
      return { file, cause: 'no space left on the device', hint: 'free some space and run again' };
    default: {
      // Node's message repeats the code ("EIO: i/o error, read"): keep the words once.
      const message = ((err as Error).message ?? String(err)).replace(/^[A-Z]+: /, '');
      return { file, cause: code ? `${message} (${code})` : message };
    }
  }
}

/** Read a whole stream (stdin) into bytes. */
export async function readStream(stream: AsyncIterable<Buffer | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
