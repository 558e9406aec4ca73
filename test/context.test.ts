// Shape and repetition are weak evidence: content shares them. These folders of invented stories
// were emptied or lost their credit lines before the guard and the credit-line rule.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { tree } from './helpers/world.js';
import { spawnCli } from './helpers/spawn.js';

const cli = (cwd: string, args: string[]) => spawnCli(args, { cwd });

const PLACES = ['', 'the pier', 'the library', 'the bus depot'];
const CREDITED = (n: number) =>
  `Council members argued for an hour about ${PLACES[n]} before agreeing on repairs this year.\n\n` +
  "Metro Ledger's Sam Ortiz contributed to this report.\n";

const WIRE = [
  'Ferry service across the Tidewater Sound will resume on Friday, the regional transport office said.',
  'Crews spent three weeks replacing the landing ramps that a February storm tore loose.',
  '"We expect the first boat to leave at six in the morning," a spokeswoman for the office said.',
  'Commuters have been driving two hours around the sound since the closure.',
].join('\n');

describe('the context keeps content that shape and repetition would take', () => {
  it('ten syndicated copies of one story in a folder all keep the story with --write', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`wire/copy-${i}.txt`] = `Outlet ${i} Home\n\n${WIRE}\n`;
    const dir = tree(files);
    const r = cli(dir, ['wire', '--write']);
    expect(r.code).toBe(0);
    for (let i = 0; i < 10; i++) {
      const out = readFileSync(path.join(dir, `wire/copy-${i}.txt`), 'utf8');
      expect(out, `copy-${i}`).toBe(WIRE.split('\n').join('\n\n') + '\n');
    }
    const again = cli(dir, ['wire', '--check']);
    expect(again.code).toBe(0);
  });

  it.each([
    ['a tour-date list', ['March 3 – Harbor City Arena', 'March 5 – Port Ellis Town Hall', 'March 8 – Tidewater Music Barn', 'March 12 – North Bay Theatre']],
    ['a roster', ['Dana Whitcombe, Goalkeeper', 'Ivo Brandt, Left Back', 'Hal Moss, Centre Half', 'Sam Ortiz, Striker']],
    ['numbered recipe steps', ['Whisk the Eggs and Sugar', 'Fold in the Flour Gently', 'Pour Into the Lined Tin', 'Bake for Forty Minutes']],
    ['a spec list', ['Battery Life Up to 20 Hours', 'Weight Only 180 Grams', 'Water Resistant to IPX4', 'Charging by USB-C Cable']],
  ])('%s between prose paragraphs stays; the same shape at the end of the page goes', (_, items) => {
    const teasers = ['Quartet Adds Second Night', 'Harbor Hall Gets New Roof', 'City Budget Vote Delayed', 'Ferry Fares Rise Again'];
    const page = [
      'The new season starts in March, and the organisers have now published the full details for everyone.',
      ...items,
      'More details will follow once the final checks are complete next week, the organisers said.',
      ...teasers,
    ].join('\n\n');
    const r = clean(page);
    for (const item of items) expect(r.paragraphs).toContain(item);
    for (const t of teasers) expect(r.paragraphs).not.toContain(t);
    expect(r.overruled.filter((o) => o.reason.startsWith('kept: a list inside the article')).map((o) => o.text)).toEqual(items);
    expect(clean(r.text).text).toBe(r.text);
  });

  it('a score table inside an article stays, figures and names alike', () => {
    const table = ['Team', 'Played', 'Won', 'Points', 'Harbor City', '12', '9', '27', 'Port Ellis', '12', '7', '22', 'Tidewater', '12', '4', '13'];
    const steps = ['1. Whisk the eggs and sugar until pale.', '2. Fold in the flour gently.', '3. Pour into the lined tin.', '4. Bake for forty minutes.'];
    for (const items of [table, steps]) {
      const text = ['The league table after twelve rounds shows Harbor City well clear at the top, with the title race all but over.', ...items, 'Port Ellis can still finish second if they win their last two matches at home this month.'].join('\n\n') + '\n';
      const r = clean(text);
      expect(r.removed).toEqual([]);
      expect(r.text).toBe(text);
    }
    // The same figures with nothing around them are share counts, and go.
    expect(clean('Share\n\n12\n\nTweet\n\n9\n\nEmail\n\n27\n').text).toBe('');
  });

  it('a list introduced by a sentence ending in a colon stays even at the end of the article', () => {
    const items = ['Harbor City Arena, March 3', 'Port Ellis Town Hall, March 5', 'Tidewater Music Barn, March 8', 'North Bay Theatre, March 12'];
    const r = clean(['The Lantern Quartet announced its spring tour on Monday, its first in six years.', 'The band will play these venues:', ...items].join('\n\n'));
    for (const item of items) expect(r.paragraphs).toContain(item);
  });

  it('a credit line repeated across a folder is kept, while the outlet footer it repeats beside goes', () => {
    const files: Record<string, string> = {};
    const topics = ['the pier', 'the library', 'the bus depot', 'the market hall', 'the swimming pool'];
    topics.forEach((t, i) => {
      files[`ledger/story-${i}.txt`] =
        `Council members voted on Monday to repair ${t} before the end of the year, after a long debate.\n\n` +
        `The repairs will be paid from the reserve fund, the treasurer told the meeting on ${t}.\n\n` +
        "Metro Ledger's Sam Ortiz contributed to this report.\n\n" +
        'Metro Ledger Media Group, 12 Quay Street\n';
    });
    const dir = tree(files);
    const r = cli(dir, ['ledger', '--out-dir', 'out', '--no-config']);
    expect(r.code).toBe(0);
    for (let i = 0; i < 5; i++) {
      const out = readFileSync(path.join(dir, `out/story-${i}.txt`), 'utf8');
      expect(out).toContain("Metro Ledger's Sam Ortiz contributed to this report.");
      expect(out).not.toContain('Quay Street');
    }
  });

  it('the JSON result lists the credit line the context kept, with why', () => {
    const r = clean('Facebook\nTwitter\nReddit\nPinterest\n', { extends: ['share'] });
    expect(r.overruled).toEqual([]);
    const dir = tree({ 'a/1.txt': CREDITED(1), 'a/2.txt': CREDITED(2), 'a/3.txt': CREDITED(3) });
    const out = cli(dir, ['a', '--format', 'jsonl', '--no-config']);
    const rec = JSON.parse(out.stdout.split('\n')[0]);
    expect(rec.text).toContain('contributed to this report');
    expect(rec.overruled).toEqual([{ rule: 'repeated/across-documents', reason: 'kept: a credit line is content', text: "Metro Ledger's Sam Ortiz contributed to this report.", lines: [3, 3] }]);
  });
});

describe('the article model (region/outside-article)', () => {
  const page = readFileSync(path.resolve(import.meta.dirname, '../fixtures/page-dump-en/input.txt'), 'utf8');
  it('on a whole page, removes what lies outside the article, each removal with its features', () => {
    const r = clean(page);
    const outside = r.removed.filter((x) => x.rule === 'region/outside-article');
    // No rule names these: an unseen legal wording split over two lines, social-follow link fragments.
    expect(outside.map((x) => x.text)).toEqual(
      expect.arrayContaining(['Follow Harbor Herald on', 'Instagram', 'TikTok', 'Learn more', 'This content may not be reproduced, rewritten', 'or redistributed without the written permission of the publisher.']),
    );
    expect(outside.find((x) => x.text === 'Learn more')!.reason).toMatch(/^outside the article region: (good|near-good|short|bad) \(2 words, stopwords [\d.]+, link text [\d.]+\)$/);
    expect(r.text).toContain('Gull Point, March 15');
    expect(r.text).not.toMatch(/may not be reproduced|redistributed without/);
  });
  it('--extract off and article.extract: off leave the region step out; on runs it on any input', () => {
    const off = clean(page, { article: { extract: 'off' } });
    expect(off.removed.some((x) => x.rule === 'region/outside-article')).toBe(false);
    expect(off.text).toContain('Learn more');
    const dir = tree({ 'page.txt': page });
    const cliOff = cli(dir, ['page.txt', '--extract', 'off']);
    expect(cliOff.stdout).toBe(off.text);
    const bad = cli(dir, ['page.txt', '--extract', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^clean-article: error: option '--extract <when>' argument 'sometimes' is invalid/);
    // A tight article is not a page: auto leaves it alone, on applies the model anyway.
    const article = 'A short notice about the pier.\n\nIt reopens on Friday, the harbour office said in a statement on Monday morning after weeks of repairs to the landing.\n';
    expect(clean(article).removed).toEqual([]);
    expect(clean(article, { article: { extract: 'on' } }).removed.map((x) => x.rule)).toEqual(['region/outside-article']);
  });
  it('thresholds are config keys, validated like the rest', () => {
    const dir = tree({ '.clean-article.json': JSON.stringify({ article: { extract: 'always', maxGap: -1 } }), 'a.txt': 'Text.\n' });
    const r = cli(dir, ['a.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/article\.extract: must be one of "auto", "on", "off"/);
    expect(r.stderr).toMatch(/article\.maxGap: /);
  });
});

describe('lists and tables on a whole page (the region step keeps them in the article)', () => {
  const SECTIONS = ['News', 'Local', 'Sports', 'Business', 'Opinion', 'Weather', 'Obituaries', 'Arts', 'Food', 'Travel', 'Schools', 'Courts', 'Harbor', 'Ferries', 'Letters', 'Puzzles', 'Podcasts', 'Video', 'Photos', 'Events', 'Jobs', 'Homes', 'Cars', 'Deals', 'Games', 'Crosswords', 'Books', 'Theatre', 'Music', 'Film'];
  const NAV = ['Skip to main content', 'Tidewater Courier', ...SECTIONS, 'Subscribe', 'Log In', 'Search', 'Trending:', 'Ferry Strike', 'Harbor Budget'];
  const FOOTER = ['About Us', 'Contact', 'Careers', 'Advertise With Us', 'Terms of Use', 'Privacy Policy', 'Cookie Settings', 'Sitemap', 'Newsletters', 'Archives', 'Corrections', 'Help Center'];
  const PROSE = [
    'The Harbor City Gulls beat Port Ellis 3-1 on Saturday night, and the coach said afterwards that the team had finally found the rhythm it lacked in the first half of the season, when it lost four of its first six matches at home.',
    'Most of the damage was done in the second period, when the visitors lost two players to injury within five minutes and never managed to reorganise their defence before the break, which left their young goalkeeper with far too much to do.',
    'The Gulls travel to Tidewater next weekend, where they have not won since the old stadium closed, and the coach warned that nothing about that match would come easily to anyone who had watched the two sides meet in the autumn.',
  ];
  // Cells, and whole rows long enough to read as bad blocks (figures, few stopwords), which split the article's regions.
  const TABLE = [
    'Player', 'Minutes', 'Goals', 'Shots', 'Dana Whitcombe', '90', '2', '5', 'Ivo Brandt', '88', '1', '3',
    'Hal Moss — 62 minutes, 0 goals, 1 shot, 41 passes, 88% completed, 4 tackles won, 2 lost',
    'Sam Ortiz — 45 minutes, 0 goals, 2 shots, 23 passes, 79% completed, 1 tackle won, 3 lost',
    'Ole Varga — 28 minutes, 1 goal, 3 shots, 12 passes, 91% completed, 0 tackles won, 1 lost',
    'Tom Reyes — 17 minutes, 0 goals, 0 shots, 9 passes, 67% completed, 2 tackles won, 0 lost',
  ];
  const page = (middle: string[], end: string[]) =>
    [...NAV, 'Gulls Beat Port Ellis to Climb Into Second Place', 'By Nell Ashworth', PROSE[0], PROSE[1], ...middle, PROSE[2], ...end, ...FOOTER].join('\n') + '\n';

  it('a stats table between two parts of the article stays; the navigation and footer around it go', () => {
    const r = clean(page(TABLE, []));
    for (const cell of TABLE) expect(r.paragraphs).toContain(cell);
    for (const p of PROSE) expect(r.paragraphs).toContain(p);
    for (const item of ['Sports', 'Subscribe', 'Careers', 'Sitemap']) expect(r.paragraphs).not.toContain(item);
    expect(clean(r.text).text).toBe(r.text);
  });

  it('a table whose cells repeat: cleaning the output again changes nothing (the repeat goes in both passes)', () => {
    const rows = TABLE.concat(['Hal Moss — 62 minutes, 0 goals, 1 shot, 41 passes, 88% completed, 4 tackles won, 2 lost', 'No statistics recorded for this player', 'No statistics recorded for this player']);
    const r = clean(page(rows, []));
    expect(clean(r.text).text).toBe(r.text);
    expect(r.paragraphs.filter((p) => p === 'No statistics recorded for this player')).toHaveLength(1);
  });

  it('a numbered list with a link line per item, introduced with a colon at the end of the article, stays', () => {
    const list = ['Here are the ferry timetables the harbour office published for the spring season:'];
    for (let i = 1; i <= 8; i++) list.push(`${i}) Tidewater crossing number ${i} (${6 + i}:15 departure)`, `http://harbor.example/t/${i}`);
    const r = clean(page([], list));
    for (const item of list) expect(r.paragraphs).toContain(item);
    for (const item of ['About Us', 'Careers', 'Sitemap']) expect(r.paragraphs).not.toContain(item);
  });

  it('a rail of other headlines between the article and a later block of prose is not read as a list of the article', () => {
    // Headlines long enough to read as bad blocks, so that the rail splits the regions.
    const rail = [
      'Harbor Hall Roof Repairs Finally Finished After Eleven Long Months Of Delays',
      'Ferry Workers Vote On New Contract As Talks With Island Operators Drag On',
      'Coast Road Closed For Two Days While Crews Clear Storm Damage Near Gull Point',
      'Lighthouse Keepers Honoured At Harbour Dinner For Their Service Through Winter',
      'School Board Names New Chair After Long Search Across Three Coastal Districts',
    ];
    const box =
      'The Tidewater Courier has covered the harbour towns since 1889, and our reporters are still out on the quays every morning, so if you have a story that you think we should be telling, our newsroom would be glad to hear from you by phone or by letter.';
    const r = clean(page([], [...rail, box]));
    for (const p of PROSE) expect(r.paragraphs).toContain(p);
    // (The last headline stays as the title of the box's region: a title just before a region is kept.)
    for (const h of rail.slice(0, -1)) expect(r.paragraphs).not.toContain(h);
  });

  it('an inline "Related:" line inside the article does not cut off the short paragraphs after it', () => {
    const after = [
      'Harbor City now sits two points behind the leaders with four matches left to play this season.',
      'Their next home match is against Gull Point on the first Saturday of April, kick-off at three.',
    ];
    const text = page([], ['Related: Gulls Sign Young Goalkeeper From Port Ellis', ...after]);
    for (const r of [clean(text), clean(text, { article: { extract: 'on' } })]) {
      for (const p of after) expect(r.paragraphs).toContain(p);
      expect(r.paragraphs).not.toContain('Related: Gulls Sign Young Goalkeeper From Port Ellis');
    }
  });

  it('the opening paragraphs stay when a box inside the article (author links, related links) cuts them off from the longer rest', () => {
    const body = Array.from({ length: 9 }, (_, k) =>
      `In the ${['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'][k]} part of the season review, the club's board went through the accounts line by line and explained why the wage bill had grown faster than ticket sales, which the supporters' trust had asked about for months.`,
    );
    const box = ['Nell Ashworth', 'Bio', '|', 'E-mail', '|', 'Recent columns', 'Related links', 'Gulls Sign Young Goalkeeper', 'Harbor Stadium Plans Delayed'];
    const text = [...NAV, 'Gulls Beat Port Ellis to Climb Into Second Place', 'By Nell Ashworth', PROSE[0], PROSE[1], ...box, ...body, ...FOOTER].join('\n') + '\n';
    const r = clean(text);
    for (const p of [PROSE[0], PROSE[1], ...body]) expect(r.paragraphs).toContain(p);
    for (const item of ['Bio | E-mail | Recent columns', 'Related links', 'Sitemap', 'Sports']) expect(r.paragraphs).not.toContain(item);
    expect(clean(r.text).text).toBe(r.text);
  });

  it('the article goes on after a box of stats and video links when it names the same people; a teaser there, naming others, goes', () => {
    const main = [
      ...PROSE,
      'Dana Whitcombe scored twice for the Gulls, the first after eleven minutes from a corner that Ivo Brandt flicked on at the near post, and the second from the penalty spot after Port Ellis had brought down Hal Moss in the area.',
      'Ivo Brandt added the third when the Port Ellis goalkeeper spilled a long shot from Sam Ortiz, and the Harbor City crowd, which had been quiet for most of the first half, finally found its voice for the last twenty minutes of the game.',
      'Port Ellis pulled one back late on through their captain, but the Gulls held on, and Whitcombe said afterwards that the squad had talked all week about starting quickly, which it had failed to do in four of its first six home games.',
    ];
    const box = ['Match Stats', ...TABLE.slice(12), 'Video: Whitcombe on the win', 'Photos: The best of Saturday'];
    const more =
      'Whitcombe, who joined the Gulls from Tidewater last summer, now has nine goals this season, and Brandt said the Harbor City dressing room believed that Port Ellis would not be the last side to find her hard to stop before the spring.';
    const teaser =
      'Lena Okafor and the Riverside Rowing Club crew from Kestrel Bay won the autumn regatta at Millbrook on Sunday, beating the Danforth eight by two lengths in a race that the Kestrel coach, Ruth Imrie, called the best of her long career.';
    // The article outweighs the paragraph after the box more than three times over.
    const season = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'].map(
      (k) => `In the ${k} part of the season review, the club's board went through the accounts line by line and explained why the wage bill had grown faster than ticket sales, which the supporters' trust had asked about for months.`,
    );
    const page = (after: string) => [...NAV, 'Gulls Beat Port Ellis to Climb Into Second Place', 'By Nell Ashworth', ...main, ...season, ...box, after, ...FOOTER].join('\n') + '\n';
    const r = clean(page(more));
    for (const p of [...main, ...season, more]) expect(r.paragraphs).toContain(p);
    for (const item of ['Sitemap', 'Sports']) expect(r.paragraphs).not.toContain(item);
    expect(clean(r.text).text).toBe(r.text);
    const other = clean(page(teaser)).paragraphs;
    for (const p of [...main, ...season]) expect(other).toContain(p);
    expect(other).not.toContain(teaser);
  });

  it('a short sentence before the closing quote does not end the article', () => {
    const end = ['The mayor warned shop owners against raising prices.', '"Nobody will lose a job over this storm, and we will all rebuild the harbour together," she told the crews.'];
    const r = clean(page([], end));
    for (const p of [...PROSE, ...end]) expect(r.paragraphs).toContain(p);
    for (const item of ['Careers', 'Sitemap']) expect(r.paragraphs).not.toContain(item);
  });

  it('the guard does not bring back prose in the footer far past the article; the same prose right after it stays', () => {
    const blurbs = [
      "The Tidewater Courier is the coast's largest independent newspaper, with local news, sport and the tide tables every day.",
      'Our reporters have covered the harbour towns since 1889, and we are glad to hear from readers by phone or by letter.',
    ];
    const links = Array.from({ length: 30 }, (_, k) => `Harbour district ${String.fromCharCode(65 + k)}`);
    const head = [...NAV, 'Gulls Beat Port Ellis to Climb Into Second Place', 'By Nell Ashworth', ...PROSE];
    // The region step takes 60% of the words, the two blurbs among them: the guard's case.
    const far = clean([...head, ...links, ...FOOTER, blurbs[0], ...FOOTER.slice(0, 4), blurbs[1]].join('\n') + '\n');
    for (const p of PROSE) expect(far.paragraphs).toContain(p);
    for (const b of blurbs) expect(far.removed.find((x) => x.text === b)?.rule).toBe('region/outside-article');
    expect(clean(far.text).text).toBe(far.text);
    const near = clean([...head, blurbs[0], blurbs[1], ...links, ...FOOTER].join('\n') + '\n');
    for (const b of blurbs) expect(near.paragraphs).toContain(b);
  });

  it('a wire credit line in parentheses after the article stays, on a page as on its own', () => {
    const credit = '(Reporting by Ann Lee; editing by Tom Reyes)';
    const r = clean(page([], [credit]));
    expect(r.paragraphs).toContain(credit);
    expect(clean(r.text).paragraphs).toContain(credit);
  });

  it('a short sports brief told in near-good paragraphs (names, few stopwords) stays whole when nothing on the page reads as good', () => {
    const brief = [
      'Dana Whitcombe and Ivo Brandt each scored in the final five minutes as the Harbor City Gulls beat the Port Ellis Mariners 4-3 in Coastal League action before 3,502 fans.',
      'Hal Moss, with two, and Sam Ortiz scored for Port Ellis.',
      'At Tidewater, Ole Varga scored twice as the Tidewater Terns beat the Gull Point Herons 6-4. Tidewater is now level with Harbor City at the top of the East Division.',
    ];
    const text = [...NAV, 'Gulls Edge Mariners', ...brief, ...FOOTER].join('\n') + '\n';
    // With the guard off too: the model itself keeps the brief, not the guard's rollback.
    for (const r of [clean(text), clean(text, { guard: { maxRemovedShare: 1 } })]) for (const p of brief) expect(r.paragraphs).toContain(p);
  });

  it('a drop-down of names whose lines end in spaces (one block of hundreds of words) goes with the rest of the page chrome', () => {
    const names = Array.from({ length: 120 }, (_, i) => `Harbor Holding ${String.fromCharCode(65 + (i % 26))}${i}                 `);
    const text = ['Markets', 'Rupee Steady Against Dollar', PROSE[0], PROSE[1], PROSE[2], 'Select a company', ...names, 'Disclaimer'].join('\n') + '\n';
    const r = clean(text);
    for (const p of PROSE) expect(r.paragraphs).toContain(p);
    expect(r.text).not.toContain('Harbor Holding');
    expect(r.removed.find((x) => x.text.startsWith('Harbor Holding'))?.rule).toBe('region/outside-article');
  });
});

describe('a thread of stamped comments after the article (region/comment-thread)', () => {
  const NAV = ['Skip to main content', 'Harbor Herald', 'News', 'Local', 'Sports', 'Business', 'Opinion', 'Weather', 'Arts', 'Food', 'Travel', 'Schools', 'Courts', 'Ferries', 'Letters', 'Events', 'Puzzles', 'Podcasts', 'Video', 'Photos', 'Obituaries', 'Jobs', 'Homes', 'Cars', 'Subscribe', 'Search'];
  const FOOTER = ['About Us', 'Contact', 'Careers', 'Terms of Use', 'Privacy Policy', 'Sitemap', 'Archives', 'Corrections', 'Newsletters', 'Help Center', 'Print Edition', 'Reader Panel', 'Tip Line', 'Masthead'];
  const ARTICLE = [
    'Pier Repairs to Start in April',
    'The harbour board voted on Tuesday to begin the long-delayed repairs to the old pier in April, after the insurer agreed to pay for most of the work that the winter storms made necessary.',
    'The pier has been closed to walkers since January, and the fishing boats that used its lower landing have moved to the north quay, where there is barely room for all of them.',
    'Work is expected to take most of the summer, the board said, and the café at the end of the pier will stay shut until the engineers are satisfied that the deck is sound again.',
  ];
  const NAMES = ['Gull', 'Ferry Fan', 'Old Salt', 'Marta K', 'Tidewatcher', 'Jon from the quay'];
  const BODIES = [
    'About time too. That pier has been falling apart for years and everybody in town knew it was only a matter of one more bad winter before something gave way for good.',
    'I would like to know who is paying for the rest of it, because the board has a habit of finding money for the pier while the bus shelters on the coast road are left to rot.',
    'My grandfather fished from that lower landing for forty years and I am glad it will be back, though I doubt the boats will ever all come back from the north quay now.',
    'The café owner has been very patient about all of this and deserves some help from the council while she waits, she has lost a whole season of trade through no fault of hers.',
    'Does anybody know whether the steps at the south end are included in the work, or only the deck? They were the worst part of it last time I walked down there in December.',
    'Good news at last. Now please do something about the car park, which floods every time the tide is high and the wind is from the east, as anyone who lives here can tell you.',
  ];
  const wordpress = () => NAMES.flatMap((n, i) => [n, `March ${i + 4}, 2024 at ${i + 2}:1${i} pm`, BODIES[i], 'Reply']);
  const posted = () => NAMES.flatMap((n, i) => [BODIES[i], `Posted by ${n} on March ${i + 4}, 2024 ${i + 2}:1${i} PM`]);
  // No comments heading: with one, comments/section (a wording rule) takes the thread first.
  const page = (thread: string[]) => [...NAV, ...ARTICLE, ...thread, ...FOOTER].join('\n') + '\n';

  it.each([
    ['name, date and time before each comment', wordpress],
    ['"Posted by … on date time" after each comment', posted],
  ])('comments (%s) go even where they outweigh the article; the article stays', (_, thread) => {
    const r = clean(page(thread()));
    for (const p of ARTICLE.slice(1)) expect(r.paragraphs).toContain(p);
    for (const b of BODIES.slice(1)) expect(r.paragraphs).not.toContain(b);
    const byThread = r.removed.filter((x) => x.rule === 'region/comment-thread');
    expect(byThread.length).toBeGreaterThan(0);
    expect(byThread[0].reason).toMatch(/^a thread of comments stamped with dates and times, after the article \(from line \d+\)/);
    expect(clean(r.text).text).toBe(r.text);
  });

  it('comments whose "Posted by … on time date" runs on into their text go too', () => {
    const glued = NAMES.map((n, i) => `Posted by: ${n}, Harbor City on ${i + 2}:1${i}pm Thu ${i + 4} Mar 24 ${BODIES[i]}`);
    const r = clean(page(glued));
    for (const p of ARTICLE.slice(1)) expect(r.paragraphs).toContain(p);
    for (const b of BODIES) expect(r.text).not.toContain(b);
    expect(r.removed.filter((x) => x.rule === 'region/comment-thread')).toHaveLength(glued.length);
  });

  it('off a page (an article container) the thread still goes, and nothing else is judged by the region', () => {
    const r = clean([...ARTICLE, ...wordpress()].join('\n') + '\n');
    for (const p of ARTICLE) expect(r.paragraphs).toContain(p);
    for (const b of BODIES.slice(1)) expect(r.paragraphs).not.toContain(b);
    expect(r.removed.some((x) => x.rule === 'region/outside-article')).toBe(false);
    expect(r.removed.some((x) => x.rule === 'region/comment-thread')).toBe(true);
  });

  it('a dated schedule that the article introduces with a colon stays (it is a list of the article, not a thread)', () => {
    const schedule = ['The quartet will play these dates this spring:', 'March 4, 2024 at 7:30 pm, Harbor Hall', 'March 6, 2024 at 8:00 pm, Port Ellis Town Hall', 'March 9, 2024 at 7:00 pm, Tidewater Music Barn', 'March 12, 2024 at 7:30 pm, North Bay Theatre'];
    const r = clean([...NAV, ...ARTICLE, ...schedule, ...FOOTER].join('\n') + '\n');
    for (const line of schedule) expect(r.paragraphs).toContain(line);
  });

  it('a dated schedule after the article under a heading without a colon is not a thread (no sentences between its stamps)', () => {
    // Dates first, so that no shape rule takes the lines before the thread step could.
    const schedule = ['Tour dates', '4 March 2024, 7:30 pm: Harbor Hall', '6 March 2024, 8:00 pm: Port Ellis Town Hall', '9 March 2024, 7:00 pm: Tidewater Music Barn', '12 March 2024, 7:30 pm: North Bay Theatre'];
    const r = clean([...NAV, ...ARTICLE, ...schedule, ...FOOTER].join('\n') + '\n');
    expect(r.removed.some((x) => x.rule === 'region/comment-thread')).toBe(false);
  });

  it('a stamped schedule before the article is not a thread: the article after it stays', () => {
    const schedule = ['Harbor TV tonight', '15 Mar 04:00PM Gulls vs. Port Ellis', '15 Mar 07:00PM Live: Harbor Regatta', '16 Mar 07:30PM Coastal Round-up', '16 Mar 08:00PM Live: Tidewater Derby'];
    const r = clean([...NAV, ...schedule, ...ARTICLE, ...FOOTER].join('\n') + '\n');
    for (const p of ARTICLE.slice(1)) expect(r.paragraphs).toContain(p);
    expect(r.removed.some((x) => x.rule === 'region/outside-article')).toBe(true);
    expect(r.removed.some((x) => x.rule === 'region/comment-thread')).toBe(false);
  });

  it('a live blog stamped with times alone is not a thread', () => {
    const live = BODIES.flatMap((b, i) => [`${i + 9}:0${i} a.m.`, b]);
    const r = clean([...NAV, ...ARTICLE, ...live, ...FOOTER].join('\n') + '\n');
    for (const b of BODIES) expect(r.paragraphs).toContain(b);
    expect(r.removed.some((x) => x.rule === 'region/comment-thread')).toBe(false);
  });
});

describe('the ends of an article container (short lines before and after the article)', () => {
  const STORY = [
    'The harbour board voted on Tuesday to begin the long-delayed repairs to the old pier in April, after the insurer agreed to pay for most of the work that the winter storms made necessary last year, when the lower landing was closed.',
    'Work is expected to take most of the summer, the board said, and the café at the end of the pier will stay shut until the engineers are satisfied that the deck is sound again.',
  ];

  it('a menu joined from link pieces at the top and a rail at the bottom go, and cleaning the output again changes nothing', () => {
    // The menu's pieces make it link text in the input; the output no longer shows that, so the
    // decision must not rest on it.
    const text = ['Pier news', ' | ', 'Ferries', ' | ', 'Letters', ...STORY, 'Elsewhere on the coast', 'Bus shelters on the coast road to be replaced'].join('\n') + '\n';
    const r = clean(text);
    expect(r.paragraphs).toEqual(STORY);
    expect(r.removed.map((x) => x.rule)).toEqual(['region/outside-article', 'region/outside-article', 'region/outside-article']);
    expect(r.removed[0].reason).toMatch(/^a short line before the article in its container/);
    expect(clean(r.text).text).toBe(r.text);
  });

  it('keeps the title, a subheading between paragraphs, a credit line, and a short closing sentence', () => {
    const text = ['Pier Repairs to Start in April', STORY[0], 'What happens next', STORY[1], 'Reporting by Sam Ortiz', 'More updates will follow.'].join('\n') + '\n';
    expect(clean(text).paragraphs).toEqual(['Pier Repairs to Start in April', STORY[0], 'What happens next', STORY[1], 'Reporting by Sam Ortiz', 'More updates will follow.']);
  });

  it('keeps the title over an author line without "By" (which reads as a title too), a quoted title, and what lies between it and the story', () => {
    const text = ["'Harbour Hero' pier repairs to start", 'Ann Lee and Sam Ortiz', 'The Coast Courier', ...STORY, 'Elsewhere on the coast'].join('\n') + '\n';
    expect(clean(text).paragraphs).toEqual(["'Harbour Hero' pier repairs to start", 'Ann Lee and Sam Ortiz', 'The Coast Courier', ...STORY]);
  });

  it('keeps a title of two or three words right before the story, and one that opens with a figure', () => {
    for (const title of ['Pier Lessons', '60-Year-Old Pier Reopens']) {
      expect(clean(['Harbour news', title, ...STORY].join('\n') + '\n').paragraphs).toEqual([title, ...STORY]);
    }
  });

  it('keeps a list that ends the article, by its figures or by items of one shape', () => {
    const figures = ['Opening times', 'Monday 9am to 5pm', 'Saturday 10am to 1pm'];
    const shaped = ['Carrick (Route 4): two extra sailings', 'Portree (Route 7): one extra sailing', 'Lochmaddy (Route 9): no change'.replace(/\d/, 'nine')];
    for (const list of [figures, shaped]) expect(clean([...STORY, ...list].join('\n') + '\n').paragraphs).toEqual([...STORY, ...list]);
  });

  it('a rail of headlines joined from link pieces after the article goes whole, and cleaning the output again changes nothing', () => {
    // Lines that end in a space run together into one block of 80 characters: too long to be a short line at the end.
    const rail = ['Latest Harbor Stories ', 'FERRY FARES TO RISE IN SPRING ', 'PIER REPAIRS DELAYED AGAIN ', 'GULLS SIGN YOUNG KEEPER ', 'LIGHTHOUSE REOPENS TO VISITORS'];
    const r = clean([...STORY, ...rail].join('\n') + '\n');
    expect(r.paragraphs).toEqual(STORY);
    expect(r.removed.map((x) => [x.rule, x.reason])).toEqual([['region/outside-article', 'headlines run together from 5 link pieces after the article in its container']]);
    expect(clean(r.text).text).toBe(r.text);
    // The same headlines as a sentence's list of links, joined by commas, are not a rail.
    const listed = ['This week the paper also covered ', 'ferry fares', ', ', 'pier repairs', ', ', 'the new goalkeeper', ' and ', 'the lighthouse', '.'];
    expect(clean([...STORY, ...listed].join('\n') + '\n').paragraphs).toHaveLength(3);
  });

  it('a label of other stories after the article takes the list after it, long headlines with their source and date too', () => {
    const rail = [
      '» Recommended Stories',
      'Full Coverage: Coastal Storms',
      'Ferry operator weighs a second boat for the winter timetable at Harbour Weekly, Sep 21',
      'Why the old pier matters to the town (reg. req’d) at The Coast Courier, Sep 20',
      'Opinion & Editorials',
      'Pay the piper, mend the pier: why the town should find the money at Northwind Daily, Sep 19',
    ];
    const r = clean([...STORY, ...rail].join('\n') + '\n');
    expect(r.paragraphs).toEqual(STORY);
    expect(r.removed.map((x) => x.rule)).toEqual(['related/section-label', ...Array(5).fill('region/outside-article')]);
    expect(clean(r.text).text).toBe(r.text);
    // Without the label, the long dated headlines are not short lines at the end: they stay.
    expect(clean([...STORY, ...rail.slice(2, 4)].join('\n') + '\n').paragraphs).toEqual([...STORY, ...rail.slice(2, 4)]);
    // A wire story's own links under "On the Net:" are not other stories: only that label's rule acts.
    const links = ['Harbour board minutes:', 'http://example.org/minutes', 'Coastal repairs fund:', 'http://example.org/fund'];
    expect(clean([...STORY, 'On the Net:', ...links].join('\n') + '\n').paragraphs.slice(-2)).toEqual(links.slice(2));
    // A label with the article's prose after it takes nothing but itself.
    expect(clean([STORY[0], 'Most Popular', 'Pier news', STORY[1]].join('\n') + '\n').paragraphs).toEqual([STORY[0], 'Pier news', STORY[1]]);
  });

  it('a label rule of the user\'s own (label: true) takes the list after it as the preset labels do; without the key, only itself', () => {
    const list = ['Lees ook', 'Veerboot naar het eiland vaart vanaf april weer volgens de zomerdienstregeling, Harbour Weekly', 'Nieuwe pier wordt in twee fasen gebouwd en is in de herfst klaar, Coast Courier'];
    const rule = { id: 'site/lees-ook', match: 'exact' as const, pattern: 'Lees ook' };
    const withLabel = clean([...STORY, ...list].join('\n') + '\n', { rules: [{ ...rule, label: true }] });
    expect(withLabel.paragraphs).toEqual(STORY);
    expect(withLabel.removed.map((x) => x.rule)).toEqual(['site/lees-ook', 'region/outside-article', 'region/outside-article']);
    expect(clean([...STORY, ...list].join('\n') + '\n', { rules: [rule] }).paragraphs).toEqual([...STORY, ...list.slice(1)]);
  });

  it('keeps a list of names that its own sentence introduces at the end, the sentence in the run or before it', () => {
    const names = ['Ann Lee', 'Tom Hale', 'Ruth Imrie'];
    const short = [...STORY, 'The board thanked these volunteers:', ...names];
    expect(clean(short.join('\n') + '\n').paragraphs).toEqual(short);
    const long = [...STORY, 'The board thanked the volunteers who kept the lower landing open through the worst of the winter storms:', ...names];
    expect(clean(long.join('\n') + '\n').paragraphs).toEqual(long);
    // What comes before the sentence is judged as before.
    expect(clean([...short.slice(0, 2), 'Elsewhere on the coast', ...short.slice(2)].join('\n') + '\n').paragraphs).toEqual(short);
  });

  it('judges every block as a page only where the text shows chrome: clean text of many short lines keeps its list', () => {
    const plants = ['Sea thrift', 'Bird’s-foot trefoil', 'Kidney vetch', 'Wild thyme', 'Sea campion', 'Harebell', 'Lady’s bedstraw', 'Yarrow'];
    const kinds = ['on the north cliffs', 'by the lower landing', 'along the coast road', 'near the old quay', 'behind the harbour wall'];
    const list = Array.from({ length: 40 }, (_, i) => `${plants[i % plants.length]} ${kinds[i % kinds.length]}`);
    const text = [STORY[0], ...list, STORY[1]];
    // Many short lines, no wording a rule knows, no menu of link pieces: the list between the paragraphs stays.
    expect(clean(text.join('\n') + '\n').paragraphs).toEqual(text);
    // A menu joined from link pieces says it is a page: the region step judges every block, and the menu goes.
    const menu = ['News', ' | ', 'Sport', ' | ', 'Weather', ' | ', 'Letters', ' | ', 'Jobs', ' | ', 'Homes'];
    const page = clean([...menu, ...text].join('\n') + '\n');
    expect(page.removed.some((x) => x.rule === 'region/outside-article' && x.text.startsWith('News'))).toBe(true);
  });

  it('one label a rule knows ("Do not miss:") does not make a product roundup a page: every card stays', () => {
    const kinds = ['Harbor', 'Gull Point', 'Tidewater', 'Port Ellis', 'North Bay', 'Seal Rock', 'Lantern', 'Quayside', 'Breakwater', 'Jetty', 'Lighthouse', 'Slipway'];
    // Cards of a name, two features and a price: no run of four headlines for the shape rule.
    const cards = kinds.flatMap((k, i) => [`${k} Rain Jacket`, `Taped seams, weighs ${300 + i * 20} grams`, `Packs into its ${['left', 'right', 'chest', 'inner', 'back', 'side', 'hood', 'hip', 'map', 'phone', 'key', 'sleeve'][i]} pocket`, `$${89 + i * 10}.00`]);
    const text = [STORY[0], "Don't Miss:", 'Harbor Ferry Timetable', STORY[1], ...cards].join('\n') + '\n';
    const r = clean(text);
    for (const line of cards) expect(r.paragraphs).toContain(line);
    expect(r.removed.filter((x) => x.rule === 'region/outside-article')).toEqual([]);
    // With chrome in more places (a share bar and a footer that rules know), the page step runs.
    const page = clean(['Share', 'Tweet', 'Email', ...text.split('\n'), 'Privacy Policy', 'Terms of Use'].join('\n') + '\n');
    expect(page.removed.some((x) => x.rule === 'region/outside-article')).toBe(true);
  });

  it('a review roundup citing each outlet in brackets, with a sentence of linked titles, is not a page: every quote stays', () => {
    const outlets = ['Harbor Gazette', 'Tidewater Times', 'Port Ellis Post', 'Coastal Review', 'Gull Point Daily'];
    const quotes = Array.from(
      { length: 24 },
      (_, k) =>
        `The new ferry timetable is ${['clearer', 'slower', 'kinder to commuters', 'a step back', 'overdue'][k % 5]} than the old one, reviewer number ${k + 1} wrote, and the harbour office should have asked the island villages before it was printed. It is not clear to me why they did not do that, because it would have been easy for them to ask all of us.`,
    );
    const lines = ['The island ferry timetable arrived this week. Here is what the reviewers said about it.'];
    quotes.forEach((q, k) => {
      // A sentence whose titles were links, the pieces joined by commas, splits the quotes in two.
      if (k === 19) lines.push('The new timetable lists six routes. They include: ', 'Harbor City', ', ', 'Port Ellis', ', ', 'Gull Point', ', ', 'Tidewater', ', ', 'North Bay', ', ', 'Seal Rock', '.', '[', 'Harbor Gazette', ']');
      lines.push(q, '[', outlets[k % outlets.length], ']');
    });
    const r = clean(lines.join('\n') + '\n');
    for (const q of quotes) expect(r.paragraphs).toContain(q);
    expect(r.paragraphs).toContain('The new timetable lists six routes. They include: Harbor City, Port Ellis, Gull Point, Tidewater, North Bay, Seal Rock.');
    // (Only the citation after the last quote goes, as a short line at the end of the container.)
    expect(r.removed.filter((x) => x.rule === 'region/outside-article').map((x) => x.text)).toEqual(['Coastal Review]']);
  });

  it('leaves a container alone when no paragraph reads as prose, and does nothing with the model off', () => {
    const brief = ['Ferry Times', 'The first boat leaves at six.', 'Harbour office'];
    expect(clean(brief.join('\n') + '\n').paragraphs).toEqual(brief);
    const text = ['Pier news', ...STORY, 'Elsewhere on the coast'].join('\n') + '\n';
    expect(clean(text, { article: { extract: 'off' } }).paragraphs).toEqual(['Pier news', ...STORY, 'Elsewhere on the coast']);
  });
});
