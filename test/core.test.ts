import { describe, expect, it } from 'vitest';
import { clean, cleanWith, compileConfig, type Config } from '../src/index.js';
import { decodeLines } from '../src/core/decode.js';
import { continues, segment, wordCount } from '../src/core/segment.js';

describe('decode', () => {
  it('counts decoded entities and repaired double encodings', () => {
    const { lines, counts } = decodeLines(['It&#39;s &amp;#39;here&amp;#39; &amp; now', 'no entities']);
    expect(lines).toEqual(["It's 'here' & now", 'no entities']);
    expect(counts).toEqual({ entitiesDecoded: 4, doubleEncodingsRepaired: 2 });
  });
  it('decodes to a fixed point: what one decode leaves that decodes again is decoded too', () => {
    expect(decodeLines(['write &amp;lt;b&amp;gt; for bold']).lines).toEqual(['write <b> for bold']);
    const { lines, counts } = decodeLines(['it&amp;#39;s', '1 &amp;lt; 2', '&amp;amp;amp;']);
    expect(lines).toEqual(["it's", '1 < 2', '&']);
    expect(counts.doubleEncodingsRepaired).toBe(4);
  });
  it('leaves unknown entity-like text alone', () => {
    expect(decodeLines(['R&D and &notanentity; and AT&T']).lines[0]).toContain('AT&T');
  });
});

describe('segment', () => {
  it.each([
    ['Harbor Board chair ', 'Dana Whitcombe', true],
    ['Dana Whitcombe', ' pushed back', true],
    ['provided by ', 'Tidewater Quotes', true],
    ['Tidewater Quotes', '. Powered by', true],
    ['a "quote', '" he said', true],
    ['HEADLINE IN CAPS', '"It is over," she said.', false],
    ['A finished sentence.', 'Another one.', false],
    ['A finished sentence.', '      An indented new element.', false],
    ['an open clause,', '      continued on an indented line', true],
  ])('continues(%j, %j) is %s', (prev, line, want) => {
    expect(continues(prev, line)).toBe(want);
  });
  it('keeps 1-based input line ranges and folds white space', () => {
    const blocks = segment(['', 'The mayor of ', 'Port Ellis', ' spoke.', '   ', 'Next\tpara  here.']);
    expect(blocks.map((b) => [b.text, b.first, b.last])).toEqual([
      ['The mayor of Port Ellis spoke.', 2, 4],
      ['Next para here.', 6, 6],
    ]);
  });
});

describe('clean', () => {
  const only = (rules: Config['rules']): Config => ({ extends: [], rules, repeated: { enabled: false } });

  it('records every removal with its rule, reason, text and input lines', () => {
    const r = clean('Keep this sentence.\nAdvertisement\nAnd this one.\n');
    expect(r.text).toBe('Keep this sentence.\n\nAnd this one.\n');
    expect(r.removed).toEqual([{ rule: 'ads/label', reason: 'matched "Advertisement"', text: 'Advertisement', lines: [2, 2] }]);
    expect(r.stats).toMatchObject({ paragraphsKept: 2, paragraphsRemoved: 1, outputChars: r.text.length });
  });
  it('remove-match cuts a span and keeps the rest of the block', () => {
    const r = clean('The pier closed (Photo: Jo Bay) on Monday.\n', only([{ id: 'x/credit', match: 'regex', pattern: '\\(Photo: [^)]*\\)', action: 'remove-match' }]));
    expect(r.text).toBe('The pier closed on Monday.\n');
    expect(r.removed[0]).toMatchObject({ rule: 'x/credit', text: '(Photo: Jo Bay)' });
  });
  it('remove-following takes the label and the next block', () => {
    const r = clean('Story.\n\nSee also\n\nA headline\n\nMore story.\n', only([{ id: 'x/see', match: 'exact', pattern: 'See also', action: 'remove-following', count: 1 }]));
    expect(r.text).toBe('Story.\n\nMore story.\n');
  });
  it('remove-range removes from the start block to the end block', () => {
    const r = clean('Story.\n\nBEGIN PROMO\n\none\n\ntwo\n\nEND PROMO\n\nMore.\n', only([{ id: 'x/r', match: 'exact', pattern: 'BEGIN PROMO', end: 'END PROMO', action: 'remove-range' }]));
    expect(r.text).toBe('Story.\n\nMore.\n');
  });
  it('position limits a rule to the first or last blocks', () => {
    const rule = { id: 'x/p', match: 'exact' as const, pattern: 'Menu', position: { from: 'start' as const, within: 1 } };
    expect(clean('Menu\n\nText.\n\nMenu\n', only([rule])).text).toBe('Text.\n\nMenu\n');
  });
  it('minRun needs that many consecutive matching blocks', () => {
    const rule = { id: 'x/run', match: 'regex' as const, pattern: '^(facebook|twitter|email)$', flags: 'i', minRun: 3 };
    const story = 'The harbour board met on Tuesday and voted to rebuild the pier.';
    expect(clean(`Facebook\n\n${story}\n\nFacebook\n\nTwitter\n\nEmail\n`, only([rule])).text).toBe(`Facebook\n\n${story}\n`);
  });
  it('maxBlockWords keeps a span rule out of long blocks, the first round and later ones alike', () => {
    const rule = { id: 'x/m', match: 'phrase' as const, pattern: 'Share this', action: 'remove-match' as const, maxBlockWords: 8 };
    const long = 'Readers can share this story with friends, the editor said on Tuesday, and many did.';
    const r = clean(`Pier repairs begin Share this\n\n${long}\n`, only([rule]));
    expect(r.paragraphs).toEqual(['Pier repairs begin', long]);
    // Through the compiled config as well (the dispatched path), and with the limit lifted the long block loses its words.
    expect(cleanWith(`${long}\n`, compileConfig({ extends: [], rules: [rule] })).paragraphs).toEqual([long]);
    expect(clean(`${long}\n`, only([{ ...rule, maxBlockWords: undefined }])).paragraphs[0]).not.toContain('share this');
  });
  it('maxWords keeps a long block that contains the pattern', () => {
    const rule = { id: 'x/g', match: 'phrase' as const, pattern: 'subscribe', maxWords: 5 };
    expect(clean('Please subscribe now.\n\nReaders who subscribe get the paper on Sunday mornings.\n', only([rule])).text).toBe(
      'Readers who subscribe get the paper on Sunday mornings.\n',
    );
  });
  it('other scripts: word limits hold without spaces (a Japanese or Chinese paragraph that mentions a copyright stays), and rules skip punctuation, not letters, before their words', () => {
    const ja =
      '港湾委員会は火曜日の夕方に会合を開き、夏のシーズンが始まる前に北側の桟橋を建て直すことで合意した。資料には© 2024 港湾委員会と書かれていたが、委員たちによると、古い木材は三度の冬の嵐で傷んでいるという。';
    const zh = '港务委员会星期二晚上举行会议，同意在夏季开始之前重建北码头。文件上写着© 2024 港务委员会，委员们说，旧的木材已经被三个冬天的风暴损坏，渡轮公司再也不能安全地使用这个泊位。';
    for (const p of [ja, zh]) {
      const r = clean(`${p}\n\n© 2024 海港晚报\n`);
      expect(r.paragraphs).toEqual([p]);
      expect(r.removed.map((x) => x.rule)).toEqual(['legal/copyright-line']);
    }
    // A rule that skips what comes before its words skips punctuation, not the letters of another script.
    const ru = 'Председатель сказал, что кнопка click here на сайте порта больше не работает.';
    expect(clean(`${ru}\n`).paragraphs).toEqual([ru]);
    // About two and a half characters to a word; a token of them alone counts once.
    expect(wordCount('首页')).toBe(1);
    expect(wordCount('Kindle for PCの起動')).toBe(5);
    expect(wordCount(zh)).toBeGreaterThan(30);
  });
  it('repeated blocks: later copies go, a prose first copy stays, a non-prose first copy goes', () => {
    const config: Config = { extends: [] };
    const story = 'The harbour board met on Tuesday and voted to rebuild the north pier before summer, at a cost of two million.';
    const r = clean(`"We will rebuild the pier," she said on Monday night.\n\n(Jo Bay for the Herald)\n\n${story}\n\n"We will rebuild the pier," she said on Monday night.\n\n(Jo Bay for the Herald)\n`, config);
    expect(r.text).toBe(`"We will rebuild the pier," she said on Monday night.\n\n${story}\n`);
    expect(r.removed.map((x) => x.rule)).toEqual(Array(3).fill('repeated/within-document'));
  });
  it('a card printed twice in a row loses both copies; a pull quote and a standfirst keep one', () => {
    const config: Config = { extends: [] };
    const lede = 'The harbour board met on Tuesday and voted to rebuild the north pier before summer, at a cost of two million.';
    const body = 'Fishing crews have tied up at the south quay since the storm, which doubles their walk to the market hall.';
    const quote = '"We will rebuild the pier before the season starts," the chair said.';
    const card = 'A lighthouse keeper in Cornwall tells how the lamp room was rebuilt by hand over two winters.';
    const more = 'Harbour dues rise by a tenth from April, the board said, the first rise in six years of rising costs.';
    // Standfirst and first paragraph are one text, one after the other: the lede stays once (the
    // article is long enough that the guard would not bring it back).
    const rest = `${body}\n\n${more}\n\n${quote}\n\n${card}\n`;
    const top = clean(`${lede}\n\n${lede}\n\n${rest}`, config);
    expect(top.overruled).toEqual([]);
    expect(top.text).toBe(`${lede}\n\n${rest}`);
    // A pull quote repeated further down keeps its first copy.
    const pull = clean(`${lede}\n\n${quote}\n\n${body}\n\n${quote}\n\n${more}\n`, config);
    expect(pull.text).toBe(`${lede}\n\n${quote}\n\n${body}\n\n${more}\n`);
    // A carousel card's summary, printed as alt text and as caption, after the article: both go.
    const carousel = clean(`${lede}\n\n${body}\n\n${more}\n\nVideo\n\n${card}\n\n${card}\n`, config);
    expect(carousel.text).toBe(`${lede}\n\n${body}\n\n${more}\n\nVideo\n`);
    // A paragraph of the article doubled in place (the article's prose before it) keeps one copy.
    const ferry = 'The ferry operator said it would add a second boat in June if the new pier opened on time.';
    const doubled = clean(`${rest}\n${ferry}\n\n${ferry}\n\n${lede}\n`, config);
    expect(doubled.text).toBe(`${rest}\n${ferry}\n\n${lede}\n`);
    expect(carousel.removed.map((x) => x.reason)).toEqual([expect.stringMatching(/in a row \(a card\), so no copy is kept/), expect.stringMatching(/^occurs 2 times in the document \(lines 9-9, 11-11\)$/)]);
  });
  it('the guard brings back one copy of a repeated card, not every copy', () => {
    const config: Config = { extends: [] };
    const lede = 'The harbour board met on Tuesday and voted to rebuild the north pier before summer, at a cost of two million.';
    const cards = [
      'A lighthouse keeper in Cornwall tells how the lamp room was rebuilt by hand over two winters.',
      'Ferry timetables change next month as the operator moves the first crossing to half past six.',
      'The county archive opens its map room to the public for the first time in forty years this spring.',
    ];
    const r = clean(`${lede}\n\n${cards.map((c) => `${c}\n\n${c}`).join('\n\n')}\n`, config);
    // Taking every copy would take most of the prose: the guard keeps the first copy of each.
    expect(r.text).toBe(`${lede}\n\n${cards.join('\n\n')}\n`);
  });
  it('captions and teasers cut at one width with an ellipsis go; lines that trail off at their own lengths stay', () => {
    const config: Config = { extends: [] };
    const story = [
      'The harbour board met on Tuesday and voted to rebuild the north pier before summer, at a cost of two million.',
      'Fishing crews have tied up at the south quay since the storm, which doubles their walk to the market hall.',
    ];
    // A gallery's captions, each cut by the page at 100 characters and marked with " …".
    const cut = (s: string) => s.slice(0, 98) + ' …';
    const captions = [
      cut('Crews lift the first of the new deck beams into place at the north pier on Monday, March 3, as a crowd watches.'),
      cut('A fisherman mends a net at the south quay, where the fleet has tied up since the storm closed the north pier.'),
      cut('The harbour master, left, and the board chair walk the length of the damaged pier before the vote on Tuesday.'),
    ];
    const r = clean([story[0], captions[0], story[1], captions[1], captions[2]].join('\n\n') + '\n', config);
    expect(r.paragraphs).toEqual(story);
    expect(r.removed.map((x) => x.rule)).toEqual(Array(3).fill('repeated/truncated'));
    expect(r.removed[0].reason).toMatch(/^one of 3 blocks cut at (?:99|100) characters or so with an ellipsis \(teasers or captions\)$/);
    // One cut caption alone says nothing of a width: it stays.
    expect(clean([story[0], captions[0], story[1]].join('\n\n') + '\n', config).paragraphs).toHaveLength(3);
    // A writer's lines that trail off into the next paragraph have lengths of their own.
    const trailing = [
      'Here is what I want you to remember, whatever the board decides about the pier this week …',
      'And the next big question for the town, once the money is found, is the one nobody asks …',
      'So start small …',
    ];
    const own = [story[0], ...trailing, story[1]];
    expect(clean(own.join('\n\n') + '\n', config).paragraphs).toEqual(own);
  });
  it('the guard does not bring back captions cut at one width, however much they weigh', () => {
    const lede = 'The harbour board met on Tuesday and voted to rebuild the north pier before summer, at a cost of two million.';
    const cut = (s: string) => s.slice(0, 117) + '...';
    const teasers = [
      'WASHINGTON: The transport office said on Wednesday that ferry fares across the sound would rise by a tenth from April, the first rise in six years.',
      'NEW YORK: A shipping firm has pleaded guilty to dumping ballast water in the harbour, and will pay a fine of two million dollars to the city.',
      'LONDON: The lighthouse trust has bought the keeper’s cottage at Carrick Point and will open it to visitors as a museum of the coast next year.',
      'DUBLIN: Harbour dues in four ports rise next month, the ports authority said, as the cost of dredging the channels has doubled since the storms.',
    ].map(cut);
    const r = clean([lede, ...teasers].join('\n\n') + '\n', { extends: [] });
    expect(r.paragraphs).toEqual([lede]);
    expect(r.overruled).toEqual([]);
  });
  it('a box of "X said:" comments before the article does not take the article that follows its last signature', () => {
    const article = [
      'The council voted on Tuesday to close the old pier for repairs, ending a month of argument over its future. Councillors said the decision had been the hardest of the year, and that the town would be asked again in the spring.',
      'Work is expected to start in the spring and to take most of the year, the harbour master said. She added that the contractors had been told to keep the north steps open for the lifeboat crew, who use them several times a week.',
    ];
    const r = clean(['Latest comments', 'Gull said:', 'Great news for the town.', 'Ferry Fan said:', ...article].join('\n\n') + '\n');
    for (const p of article) expect(r.paragraphs).toContain(p);
    // One paragraph of it alone is what a last comment looks like: it goes with the section.
    expect(clean(['Latest comments', 'Gull said:', 'Great news for the town.', 'Ferry Fan said:', article[0]].join('\n\n') + '\n').paragraphs).toEqual([]);
  });
  it('warns when a document loses more than the guard share', () => {
    const r = clean('Advertisement\n\nSubscribe\n\nOk.\n', { extends: ['recommended'], guard: { maxRemovedShare: 0.3 } });
    expect(r.warnings.join()).toMatch(/removed 67% of the words/);
  });
  it('disable switches a rule off', () => {
    expect(clean('Advertisement\n\nText.\n', { extends: ['ads'], disable: ['ads/label'] }).text).toBe('Advertisement\n\nText.\n');
  });
  it('never throws, is deterministic, and is idempotent on arbitrary strings', () => {
    // A seeded generator over the characters that stress each step: entities, line ends, spaces, controls.
    const alphabet = ['a', 'B', ' ', '\n', '\r', '\t', '&', '#', ';', 'amp', '39', 'x2F', '\u00a0', '\u200b', '\u0000', '\ufeff', '.', '"', '(', ')', 'é', 'e\u0301', '\ud83d', '💡', 'ADVERTISEMENT', 'Read more:', 'All rights reserved'];
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
    const options = compileConfig();
    for (let n = 0; n < 400; n++) {
      let s = '';
      const len = next() % 60;
      for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length];
      const a = cleanWith(s, options);
      expect(cleanWith(s, options)).toEqual(a);
      expect(cleanWith(a.text, options).text).toBe(a.text);
    }
  });
});

describe('entity decoding in one pass', () => {
  it('decodes and counts exactly what he.decode of the whole line and a count per reference give (generated fragments)', async () => {
    const he = (await import('he')).default;
    const ENTITY = /&(?:#\d+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{1,31};?)/g;
    const countRefs = (s: string) => (s.match(ENTITY) ?? []).filter((r) => he.decode(r) !== r).length;
    const atoms = ['&', 'amp', ';', '#', 'x', 'X', '41', '9', 'lt', 'gt', 'copy', 'AElig', 'nbsp', 'quot', '=', 'a', 'Z', ' ', 'notin', 'not', 'ampfoo', '#128512', '#xD83D', '#0', '#1114112', 'hellip', '&amp;', 'frac12', 'sup2'];
    let seed = 11;
    const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % k);
    for (let i = 0; i < 5000; i++) {
      let s = 'x';
      for (let j = 1 + rnd(10); j > 0; j--) s += atoms[rnd(atoms.length)];
      // The reference: decode the whole line, count its references, and again to a fixed point.
      let ref = he.decode(s);
      let first = countRefs(s);
      let again = 0;
      for (let next = he.decode(ref); next !== ref; next = he.decode(ref)) {
        again += countRefs(ref);
        ref = next;
      }
      const got = decodeLines([s], false);
      expect(got.lines[0], JSON.stringify(s)).toBe(ref.replace(/(?<=[A-Z0-9])&([A-Z][A-Za-z]{0,3});+/g, (w, n) => (he.decode(w) === w ? `&${n}` : w)));
      expect(got.counts, JSON.stringify(s)).toEqual({ entitiesDecoded: first, doubleEncodingsRepaired: again });
    }
  });
});
