import { readFileSync } from 'node:fs';

/** A failure the user can act on: which input, what went wrong, what to do next. */
export interface InputError {
  file: string;
  cause: string;
  hint?: string;
}

export type ReadResult = { ok: true; text: string; warnings: string[] } | { ok: false; error: InputError };

// Text never holds a NUL byte; images, archives and PDFs nearly always do in their first pages.
// The BOM is kept in the decoded text (ignoreBOM) so that cleaning sees it and --check reports it.
const SNIFF_BYTES = 8000;

/** Decode bytes as UTF-8 text, refusing binary data and replacing invalid sequences with a warning. */
export function decodeBytes(bytes: Uint8Array, file: string): ReadResult {
  const nul = bytes.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      error: { file, cause: `looks like a binary file (NUL byte at offset ${nul})`, hint: 'pass text files only, or filter by extension with --ext' },
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), warnings: [] };
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let n = 0;
    for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
    return {
      ok: true,
      text,
      warnings: [`invalid UTF-8: ${n} byte sequence${n === 1 ? '' : 's'} replaced with U+FFFD (convert the file to UTF-8 first, e.g. iconv -f cp1252 -t utf-8)`],
    };
  }
}

/**
 * Read one input file as text. Expected failures come back as values, never as exceptions.
 * Synchronous: batch tasks handle one file at a time per worker thread, where blocking costs
 * nothing and async reads queue on libuv's small shared pool.
 */
export function readInput(file: string): ReadResult {
  try {
    return decodeBytes(readFileSync(file), file);
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
    default:
      return { file, cause: (err as Error).message ?? String(err) };
  }
}

/** Read a whole stream (stdin) into bytes. */
export async function readStream(stream: AsyncIterable<Buffer | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
