import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a stream (`\n`, `\r\n` or `\r` ends a line), read only as fast as the caller
 * takes them. readline's async iterator keeps reading while the caller is busy and queues every
 * line it has not taken yet: with cleaning on other threads, a fast producer on stdin filled the
 * heap (old space 9 -> 67 MB on a 256 MB stream). Pulling one chunk at a time is the back-pressure.
 *
 * A line longer than a chunk is kept as a list of pieces and only the new chunk is scanned for a
 * line break: prepending the unfinished line to each chunk and scanning it all again made one
 * 54 MB record take minutes (quadratic in the line's length).
 */
export async function* linesOf(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pieces: string[] = [];
  // The previous chunk ended in \r: a \n at the start of this one belongs to the same line end.
  let afterCR = false;
  const take = (tail: string) => {
    pieces.push(tail);
    const line = pieces.length === 1 ? pieces[0] : pieces.join('');
    pieces = [];
    return line;
  };
  for await (const chunk of stream) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    if (afterCR && text.charCodeAt(0) === 10) start = 1;
    afterCR = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      yield take(text.slice(start, i));
      if (c === 13) {
        if (i + 1 === text.length) afterCR = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    if (start < text.length) pieces.push(text.slice(start));
  }
  const end = decoder.end();
  if (end) pieces.push(end);
  if (pieces.length && pieces.some((p) => p.length)) yield take('');
}
