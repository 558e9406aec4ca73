// The article model's block features, on text the dev corpus does not hold: a script without
// spaces and no stopword list, and a page whose language a huge word list would hide.
import { describe, expect, it } from 'vitest';
import { toBlocks } from '../src/core/to-blocks.js';
import { classifyBlocks } from '../src/core/article/classify.js';
import { DEFAULT_ARTICLE } from '../src/core/types.js';

const classes = (text: string) => {
  const { blocks } = toBlocks(text);
  return classifyBlocks(blocks, [], DEFAULT_ARTICLE).map((f, i) => [blocks[i].text, f.stopwords, f.cls] as const);
};

describe('block features', () => {
  it('a Japanese sentence of 20 characters reads as a sentence (the fallback scales its length to the script)', () => {
    const rows = classes('港の桟橋は四月から修理されることになりました。\n\n会員登録\n');
    expect(rows[0][1]).toBe(0.35);
    expect(rows[1][1]).toBe(0.1);
  });

  it('one block of thousands of listed names does not hide the language of the page', () => {
    const prose = [
      'The harbour board voted on Tuesday to begin the repairs to the old pier in April, after the insurer agreed to pay for most of the work.',
      'The pier has been closed to walkers since January, and the boats that used its landing have moved to the north quay for the winter.',
    ];
    const names = Array.from({ length: 3000 }, (_, i) => `Holding${i} `).join('\n');
    const rows = classes([...prose, names].join('\n\n'));
    // With English found, the prose has a stopword share of its own, not the no-list stand-in of 0.35.
    expect(rows[0][1]).not.toBe(0.35);
    expect(rows[0][1]).toBeGreaterThan(0.3);
    expect(rows[2][1]).toBeLessThan(0.05);
  });
});
