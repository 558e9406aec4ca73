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
  it('a Japanese sentence reads as prose by its Hiragana (particles, endings); labels of kanji and katakana do not', () => {
    const rows = classes('港の桟橋は四月から修理されることになりました。\n\n会員登録\n\nプライバシーポリシー\n');
    // 15 of its 22 characters are Hiragana: past the "good" threshold of 0.32.
    expect(rows[0][1]).toBeCloseTo(15 / 22, 5);
    // Too short for a share (the fallback's 0.1), and none at all.
    expect(rows[1][1]).toBe(0.1);
    expect(rows[2][1]).toBe(0);
  });

  it('a Chinese sentence reads as prose by its function characters; a run of headlines without a sentence end does not', () => {
    const rows = classes('港务委员会星期二晚上举行会议，同意在夏季开始之前重建北码头。\n\n相关新闻 渡轮票价四月起上调一成 海港图书馆周末延长开放时间 灯塔修复工程获得地区基金支持 市区公交线路调整一览 本周天气周末有大风\n');
    // Above the "near-good" threshold of 0.2, as an English sentence of its length is.
    expect(rows[0][1]).toBeGreaterThan(0.2);
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

describe('stopword counts', () => {
  it('the hashed look-up counts exactly what a plain set of each list counts, in every language', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { wordStats, wordsOf, stopwordLists } = await import('../src/core/article/stopwords.js');
    const lists = Object.values(stopwordLists()).map((l) => new Set(l.map((w) => w.toLowerCase())));
    const dir = path.resolve(import.meta.dirname, '../fixtures/languages');
    let blocks = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      for (const b of toBlocks(readFileSync(path.join(dir, f), 'utf8')).blocks) {
        const words = wordsOf(b.lower);
        const ws = wordStats(b);
        expect(ws.words, `${f}: ${b.text.slice(0, 40)}`).toBe(words.length);
        expect([...ws.hits], `${f}: ${b.text.slice(0, 40)}`).toEqual(lists.map((set) => words.filter((w) => set.has(w)).length));
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(9);
  });
});
