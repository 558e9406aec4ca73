import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a stream (`\n`, `\r\n` or `\r` ends a line), read only as fast as the caller
 * takes them. readline's async iterator keeps reading while the caller is busy and queues every
 * line it has not taken yet: with cleaning on other threads, a fast producer on stdin filled the
 * heap (old space 9 -> 67 MB on a 256 MB stream). Pulling one chunk at a time is the back-pressure.
 */
export async function* linesOf(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of stream) {
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    // A chunk that ends in \r may be half of a \r\n: wait for the next one to tell.
    let hold = '';
    if (text.endsWith('\r')) {
      hold = '\r';
      text = text.slice(0, -1);
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      yield text.slice(start, i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    carry = text.slice(start) + hold;
  }
  // What is left holds no line break but perhaps a held \r, which closed the last line.
  const rest = carry + decoder.end();
  if (rest.length) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}
