// Files in legacy encodings (Windows-1252, ISO-8859-x, KOI8-R, Shift_JIS, GB18030, EUC-KR, …),
// decoded through iconv-lite, the encoding named by the user or detected by chardet from content.
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Is this a name iconv-lite can decode? */
export const knownEncoding = (name: string): boolean => iconv.encodingExists(name);

export const isUtf8Name = (name: string): boolean => /^utf-?8$/i.test(name);

// What browsers do: a page labelled ISO-8859-1 (or detected as such) is read as Windows-1252,
// whose bytes 0x80-0x9F are the curly quotes and dashes such text holds.
const AS_WINDOWS_1252 = new Set(['iso-8859-1', 'latin1', 'ascii', 'us-ascii']);

export function decodeAs(bytes: Uint8Array, name: string): string {
  const label = AS_WINDOWS_1252.has(name.toLowerCase()) ? 'windows-1252' : name;
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
}

/**
 * The encoding to read these bytes in, from chardet's candidates, most confident first, with its
 * confidence (0-100). A candidate whose reading is implausible is passed over: one that gives C1
 * controls or U+FFFD (English with curly quotes in Shift_JIS read as Windows-1252), or text whose
 * letters are mostly accented Latin ones (Russian in KOI8-R read as Windows-1252).
 */
export function detectEncoding(bytes: Uint8Array): { name: string; confidence: number } | undefined {
  const candidates = chardet.analyse(bytes);
  let first: { name: string; confidence: number } | undefined;
  for (const c of candidates) {
    const name = AS_WINDOWS_1252.has(c.name.toLowerCase()) ? 'windows-1252' : c.name;
    if (!knownEncoding(name)) continue;
    first ??= { name, confidence: c.confidence };
    if (plausible(decodeAs(bytes, name))) return { name, confidence: c.confidence };
  }
  return first;
}

function plausible(text: string): boolean {
  if (/[\u0080-\u009f\ufffd]/.test(text)) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const accented = text.match(/[\u00c0-\u00ff]/g)?.length ?? 0;
  return letters === 0 || accented / letters <= 0.3;
}
