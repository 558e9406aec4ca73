import { deu, eng, fra, ita, nld, pol, por, rus, spa } from 'stopword';

export type Language = 'eng' | 'deu' | 'fra' | 'spa' | 'ita' | 'por' | 'nld' | 'pol' | 'rus';

const LISTS: Record<Language, string[]> = { eng, deu, fra, spa, ita, por, nld, pol, rus };
let sets: Array<[Language, Set<string>]> | undefined;

/** One set per language, built on first use (a run that never models an article never pays). */
export function stopwordSets(): Array<[Language, Set<string>]> {
  return (sets ??= (Object.keys(LISTS) as Language[]).map((l) => [l, new Set(LISTS[l].map((w) => w.toLowerCase()))]));
}

const WORD = /[\p{L}\p{N}'’]+/gu;

/** Lower-cased words of a text, apostrophes kept ("don't"). */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The document's language: the list that covers most of its words. Undefined when no list
 * covers at least a twentieth of them (a language without a list; the model then falls back
 * to length and sentence punctuation).
 */
export function detectLanguage(words: string[][]): Set<string> | undefined {
  let best: Set<string> | undefined;
  let bestHits = 0;
  let total = 0;
  for (const w of words) total += w.length;
  for (const [, set] of stopwordSets()) {
    let hits = 0;
    for (const list of words) for (const t of list) if (set.has(t)) hits++;
    if (hits > bestHits) {
      bestHits = hits;
      best = set;
    }
  }
  return total > 0 && bestHits / total >= 0.05 ? best : undefined;
}
