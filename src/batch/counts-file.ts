import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { linesOf } from '../io/lines.js';
import { openStream, zstdTo } from '../io/compressed.js';
import { syncFile } from '../io/write.js';
import type { Counts, CountsJson, Prune } from './counts.js';
import { textFingerprint } from '../core/fingerprint.js';

/** What a counts file says of itself before its blocks are added. */
export interface CountsSettings {
  maskDigits: boolean;
  maxWords: number;
  pruned?: Prune;
}

/**
 * Add a counts file to `counts`: version 2 (JSON Lines) streamed line by line, version 1 (one JSON
 * object, written before shards of millions of blocks) whole. Counts made with other settings than
 * `counts` are refused; `accept` sees the file's settings next and returns why else they do not
 * fit, if they do not. Throws with a cause a user can act on.
 */
export async function readCountsFile(file: string, counts: Counts, accept: (s: CountsSettings) => string | undefined): Promise<CountsSettings> {
  let settings: CountsSettings | undefined;
  let group: string | undefined;
  let n = 0;
  for await (const line of linesOf(openStream(file) as AsyncIterable<Buffer>)) {
    n++;
    if (line === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (err) {
      throw new Error(`line ${n} is not JSON (${(err as Error).message}): not a counts file written by learn --counts-out, or cut short`);
    }
    if (!settings) {
      const h = data as Partial<CountsJson> & { version?: number };
      if (!h || h.format !== 'clean-article-counts' || (h.version !== 1 && h.version !== 2)) throw new Error('is not a counts file written by learn --counts-out');
      settings = { maskDigits: Boolean(h.maskDigits), maxWords: Number(h.maxWords), pruned: h.pruned };
      const why =
        settings.maskDigits !== counts.maskDigits || settings.maxWords !== counts.maxWords
          ? `was counted with maskDigits ${settings.maskDigits}, maxWords ${settings.maxWords}; this run uses ${counts.maskDigits}, ${counts.maxWords} (count every shard with the same config)`
          : accept(settings);
      if (why) throw new Error(why);
      if (h.version === 1) counts.merge(h as CountsJson);
      continue;
    }
    if (Array.isArray(data)) {
      if (group === undefined) throw new Error(`line ${n}: a block before any group`);
      // [documents, example record, example text], or [fingerprint, documents, example record] when no text was kept.
      if (typeof data[0] === 'number') {
        const [docs, example, text] = data as [number, string, string];
        counts.addBlock(group, textFingerprint(text, settings.maskDigits), docs, example, text);
      } else {
        const [key, docs, example] = data as [string, number, string];
        counts.addBlock(group, key, docs, example ?? '', '');
      }
    } else {
      const g = data as { group?: unknown; docs?: unknown };
      if (typeof g.group !== 'string' || typeof g.docs !== 'number') throw new Error(`line ${n}: neither a group nor a block`);
      group = g.group;
      counts.addGroup(group, g.docs);
    }
  }
  if (!settings) throw new Error('is empty: not a counts file written by learn --counts-out');
  return settings;
}

/** Write the counts (version 2) atomically: a temp file beside it, gzip or zstd by the name's ending (.gz, .zst), renamed when complete. */
export async function writeCountsFile(file: string, counts: Counts, prune?: Prune): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.clean-article-${process.pid}`);
  const out = createWriteStream(tmp);
  const gzip = file.endsWith('.gz') ? createGzip() : undefined;
  if (gzip) gzip.pipe(out);
  const sink: NodeJS.WritableStream = gzip ?? (file.endsWith('.zst') ? zstdTo(out) : out);
  const done = new Promise<void>((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject);
    gzip?.once('error', reject);
  });
  try {
    for (const piece of counts.lines(prune)) {
      if (!sink.write(piece)) await new Promise<void>((resolve) => sink.once('drain', resolve));
    }
    sink.end();
    await done;
    syncFile(tmp);
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
