import path from 'node:path';
import { linesOf } from '../io/lines.js';
import { openStream, UnsupportedCompression } from '../io/compressed.js';
import type { World } from './world.js';

// Small chunks: each result string stays under V8's large-object size (128 KB), so it is freed by
// the young generation instead of piling up until a full collection (measured: peak RSS 129 -> 103
// MB with one job on a 128 MB stream, same speed).
const CHUNK_LINES = 16;
const CHUNK_CHARS = 1 << 15;

export interface Chunk {
  /** The input as the user named it ('-' for stdin). */
  name: string;
  lines: string[];
  /** 1-based line number of lines[0] in its input. */
  first: number;
}

/**
 * The records of JSON Lines inputs (files, gzip files, or '-' for stdin) in chunks, in order.
 * An input that cannot be opened or read is reported through `fail` and skipped.
 */
export async function* jsonlChunks(world: World, sources: string[], fail: (name: string, cause: string) => void, stopped: () => boolean = () => false): AsyncGenerator<Chunk> {
  const { stdin, cwd } = world;
  for (const src of sources) {
    const name = src === '-' ? '-' : path.relative(cwd, path.resolve(cwd, src)) || src;
    let stream: NodeJS.ReadableStream;
    try {
      stream = src === '-' ? stdin : openStream(path.resolve(cwd, src));
    } catch (err) {
      fail(name, causeOf(err));
      continue;
    }
    const failedOpen = new Promise<Error>((resolve) => stream.once('error', resolve));
    let lines: string[] = [];
    let size = 0;
    let first = 1;
    let n = 0;
    try {
      for await (const raw of linesOf(stream as AsyncIterable<Buffer | string>)) {
        if (stopped()) return;
        n++;
        // A UTF-8 BOM before the first record is the file's, not the record's.
        const line = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        lines.push(line);
        size += line.length;
        if (lines.length >= CHUNK_LINES || size >= CHUNK_CHARS) {
          yield { name, lines, first };
          first = n + 1;
          lines = [];
          size = 0;
        }
      }
      if (lines.length) yield { name, lines, first };
    } catch {
      fail(name, causeOf(await failedOpen));
    }
  }
}

function causeOf(err: unknown): string {
  if (err instanceof UnsupportedCompression) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a JSON Lines file';
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return `is not valid gzip: ${(err as Error).message}`;
  return (err as Error).message;
}
