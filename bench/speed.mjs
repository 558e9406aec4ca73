#!/usr/bin/env node
// Speed benchmark. Generates a corpus deterministically from the project's own fixtures, then
// measures in one run: the CLI on a folder and on one JSON Lines file with --jobs 1 and 2; the
// floor (read the same bytes and run he.decode over all of them, in one process); start-up
// beside `node -e 0`; peak RSS on a long JSON Lines stream. Prints a table; --json for tracking.
// With --previous ROOT (another checkout, built), that build's CLI runs every case too, right
// after this one's, and its figures are printed beside. Timing is reported, never asserted: these
// machines are noisy, so the load average is printed with the figures.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import he from 'he';

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    'stream-mb': { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    previous: { type: 'string' },
  },
});
const quick = values.quick;
const DOCS = Number(values.docs ?? (quick ? 1000 : 20000));
const STREAM_MB = Number(values['stream-mb'] ?? (quick ? 16 : 1024));
const RUNS = Number(values.runs ?? (quick ? 5 : 15));
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');
const bin = path.join(root, 'bin/clean-article.cjs');
const previousBin = values.previous ? path.join(path.resolve(values.previous), 'bin/clean-article.cjs') : undefined;
if (previousBin && !fs.existsSync(previousBin)) {
  console.error(`bench:speed: no ${previousBin}: build the previous checkout first (npm ci there)`);
  process.exit(2);
}
const log = (s) => process.stderr.write(s + '\n');

// --- corpus: articles assembled from the fixtures' lines by a seeded generator -------------
let seed = 20261126;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed / 2 ** 32);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
function fixtureLines() {
  const lines = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt') && !p.includes(`${path.sep}expected`)) lines.push(...fs.readFileSync(p, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/));
    }
  };
  walk(path.join(root, 'fixtures'));
  return lines.filter((l) => l.length > 0 && !l.includes('\u0000'));
}
const LINES = fixtureLines();
function article() {
  const out = [];
  // ~3 KB: a run of fixture lines, as scraped pages mix story lines, split links and chrome.
  let size = 0;
  const target = 2000 + Math.floor(rand() * 2000);
  while (size < target) {
    const start = Math.floor(rand() * LINES.length);
    const n = 1 + Math.floor(rand() * 6);
    for (let k = 0; k < n; k++) {
      const l = LINES[(start + k) % LINES.length];
      out.push(l);
      size += l.length + 1;
    }
    if (rand() < 0.3) out.push('');
  }
  return out.join('\n') + '\n';
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-article-speed-'));
const docsDir = path.join(tmp, 'docs');
const jsonl = path.join(tmp, 'docs.jsonl');
let bytes = 0;
const jfd = fs.openSync(jsonl, 'w');
for (let i = 0; i < DOCS; i++) {
  const text = article();
  const dir = path.join(docsDir, String(Math.floor(i / 1000)).padStart(3, '0'));
  if (i % 1000 === 0) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${String(i).padStart(6, '0')}.txt`), text);
  fs.writeSync(jfd, JSON.stringify({ id: i, text }) + '\n');
  bytes += Buffer.byteLength(text);
}
fs.closeSync(jfd);
const MB = bytes / 1e6;
log(`corpus: ${DOCS} articles, ${MB.toFixed(1)} MB, in ${tmp}`);

// --- measurements --------------------------------------------------------------------------
function timed(args, opts = {}, cli = bin) {
  const rssFile = path.join(tmp, `rss-${Math.random().toString(36).slice(2)}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', path.join(here, 'rss-hook.mjs'), cli, ...args], {
    cwd: tmp,
    env: { ...process.env, CLEAN_ARTICLE_RSS_FILE: rssFile, CI: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // --check names every changed file on stderr; only the time matters here.
    stdio: ['ignore', 'ignore', 'pipe'],
    ...opts,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // --check exits 1 when files would change, which is the point here.
  if (r.status !== 0 && !(r.status === 1 && args.includes('--check'))) throw new Error(`clean-article ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  return { seconds, rss };
}

function floor() {
  // The floor: the same bytes read and entity-decoded in one process, nothing else.
  const t0 = process.hrtime.bigint();
  let n = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else n += he.decode(fs.readFileSync(p, 'utf8')).length;
    }
  };
  walk(docsDir);
  const folder = Number(process.hrtime.bigint() - t0) / 1e9;
  const t1 = process.hrtime.bigint();
  for (const line of fs.readFileSync(jsonl, 'utf8').split('\n')) if (line) n += he.decode(JSON.parse(line).text).length;
  const lines = Number(process.hrtime.bigint() - t1) / 1e9;
  return { folder, jsonl: lines, chars: n };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function startup() {
  const time = (args) => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  time(['-e', '0']);
  time([bin, '--version']);
  const node = [];
  const ours = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(time(['-e', '0']));
    ours.push(time([bin, '--version']));
  }
  return { nodeMs: median(node), oursMs: median(ours) };
}

async function streamRss(mb) {
  // A long JSON Lines stream from a generator process through stdin; only the peak RSS matters.
  const rssFile = path.join(tmp, 'rss-stream');
  const templates = path.join(tmp, 'templates.json');
  fs.writeFileSync(templates, JSON.stringify([...Array(50)].map(() => article())));
  const gen = `const t=JSON.parse(require('fs').readFileSync(${JSON.stringify(templates)},'utf8'));let n=0,b=0;const lim=${mb}e6;
function go(){let ok=true;while(ok&&b<lim){const s=JSON.stringify({id:n,text:t[n%t.length]})+'\\n';n++;b+=s.length;ok=process.stdout.write(s);}
if(b<lim)process.stdout.once('drain',go);else process.stdout.end();}go();`;
  const t0 = process.hrtime.bigint();
  const producer = spawn(process.execPath, ['-e', gen], { stdio: ['ignore', 'pipe', 'inherit'] });
  const consumer = spawn(process.execPath, ['--import', path.join(here, 'rss-hook.mjs'), bin, '--input-format', 'jsonl', '--quiet', '--jobs', '2'], {
    env: { ...process.env, CLEAN_ARTICLE_RSS_FILE: rssFile, CI: '1' },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  producer.stdout.pipe(consumer.stdin);
  const code = await new Promise((resolve) => consumer.on('exit', resolve));
  if (code !== 0) throw new Error(`the JSON Lines stream run failed (${code})`);
  return { mb, seconds: Number(process.hrtime.bigint() - t0) / 1e9, rss: Number(fs.readFileSync(rssFile, 'utf8')) };
}

const fl = floor();
const res = {
  corpus: { docs: DOCS, mb: MB },
  floor: { folderMBs: MB / fl.folder, jsonlMBs: MB / fl.jsonl },
  runs: {},
};
// --check reads and cleans every file and writes nothing (what a pre-commit run does); --out-dir
// adds writing one new file per article, which on some disks costs more than the cleaning.
const cases = [
  ['folder --check, --jobs 1', ['docs', '--check', '--quiet', '--jobs', '1', '--no-across']],
  ['folder --check, --jobs 2', ['docs', '--check', '--quiet', '--jobs', '2', '--no-across']],
  // One pass, as --check above: the difference between the two is writing the files.
  ['folder --out-dir, --jobs 1', ['docs', '--out-dir', 'out1', '--quiet', '--jobs', '1', '--no-across']],
  ['folder --out-dir, --jobs 2', ['docs', '--out-dir', 'out2', '--quiet', '--jobs', '2', '--no-across']],
  // What a folder gets by default: a counting pass, then cleaning with repeats across documents.
  ['folder --out-dir, two passes, --jobs 1', ['docs', '--out-dir', 'out3', '--quiet', '--jobs', '1']],
  ['JSON Lines, --jobs 1', ['--input-format', 'jsonl', 'docs.jsonl', '-o', 'out1.jsonl', '--quiet', '--jobs', '1']],
  ['JSON Lines, --jobs 2', ['--input-format', 'jsonl', 'docs.jsonl', '-o', 'out2.jsonl', '--quiet', '--jobs', '2']],
];
res.loadBefore = os.loadavg();
for (const [name, args] of cases) {
  log(`running: ${name}`);
  const { seconds, rss } = timed(args);
  const floorMBs = name.startsWith('JSON') ? res.floor.jsonlMBs : res.floor.folderMBs;
  res.runs[name] = { seconds, MBs: MB / seconds, docsPerSec: DOCS / seconds, ofFloor: MB / seconds / floorMBs, peakRssMB: rss / 1e6 };
  if (previousBin) {
    // The previous build writes elsewhere, so this build's outputs stay for the --jobs comparison.
    const prevArgs = args.map((a) => (/^out\d(\.jsonl)?$/.test(a) ? `prev-${a}` : a));
    const prev = timed(prevArgs, {}, previousBin);
    res.runs[name].previous = { seconds: prev.seconds, MBs: MB / prev.seconds, ofFloor: MB / prev.seconds / floorMBs };
  }
}
res.loadAfter = os.loadavg();
const same = ['out1', 'out2'].map((d) => spawnSync('sh', ['-c', `cd ${path.join(tmp, d)} && find . -type f | sort | xargs cat | md5sum`], { encoding: 'utf8' }).stdout);
res.identicalForJobs = same[0] === same[1] && fs.readFileSync(path.join(tmp, 'out1.jsonl')).equals(fs.readFileSync(path.join(tmp, 'out2.jsonl')));
res.scaling = {
  check: res.runs['folder --check, --jobs 2'].MBs / res.runs['folder --check, --jobs 1'].MBs,
  outDir: res.runs['folder --out-dir, --jobs 2'].MBs / res.runs['folder --out-dir, --jobs 1'].MBs,
  jsonl: res.runs['JSON Lines, --jobs 2'].MBs / res.runs['JSON Lines, --jobs 1'].MBs,
};
log('measuring start-up');
res.startup = startup();
res.startup.ratio = res.startup.oursMs / res.startup.nodeMs;
log(`streaming ${STREAM_MB} MB of JSON Lines through stdin`);
res.stream = await streamRss(STREAM_MB);
res.stream.peakRssMB = res.stream.rss / 1e6;
if (!values.keep) fs.rmSync(tmp, { recursive: true, force: true });

if (values.json) {
  process.stdout.write(JSON.stringify(res, null, 2) + '\n');
} else {
  const f = (x, d = 1) => x.toFixed(d);
  console.log(`\n${DOCS} articles, ${f(MB)} MB (${os.cpus().length} cores, Node ${process.version})`);
  console.log(`floor (read + he.decode, one process): folder ${f(res.floor.folderMBs)} MB/s, JSON Lines ${f(res.floor.jsonlMBs)} MB/s\n`);
  console.log(`load average before the runs ${res.loadBefore.map((x) => f(x, 2)).join(' ')}, after ${res.loadAfter.map((x) => f(x, 2)).join(' ')}\n`);
  console.log(`${'run'.padEnd(38)} ${'MB/s'.padStart(6)} ${'docs/s'.padStart(8)} ${'× floor'.padStart(9)} ${'peak RSS'.padStart(10)}${previousBin ? '   previous MB/s  × floor  speed-up' : ''}`);
  for (const [name, r] of Object.entries(res.runs)) {
    const prev = r.previous ? `   ${f(r.previous.MBs).padStart(13)} ${f(r.previous.ofFloor, 2).padStart(8)} ${f(r.MBs / r.previous.MBs, 2).padStart(8)}×` : '';
    console.log(`${name.padEnd(38)} ${f(r.MBs).padStart(6)} ${f(r.docsPerSec, 0).padStart(8)} ${f(r.ofFloor, 2).padStart(9)} ${f(r.peakRssMB, 0).padStart(7)} MB${prev}`);
  }
  console.log(`\n--jobs 2 / --jobs 1: folder --check ${f(res.scaling.check, 2)}×, folder --out-dir ${f(res.scaling.outDir, 2)}×, JSON Lines ${f(res.scaling.jsonl, 2)}×; outputs identical: ${res.identicalForJobs}`);
  console.log(`--out-dir / --check time (one pass each, --jobs 1): ${f(res.runs['folder --check, --jobs 1'].MBs / res.runs['folder --out-dir, --jobs 1'].MBs, 2)}×`);
  console.log(`start-up: clean-article --version ${f(res.startup.oursMs)} ms, node -e 0 ${f(res.startup.nodeMs)} ms (median of ${RUNS}): ${f(res.startup.ratio, 2)}×`);
  console.log(`JSON Lines stream of ${res.stream.mb} MB through stdin (--jobs 2): peak RSS ${f(res.stream.peakRssMB, 0)} MB, ${f(res.stream.mb / res.stream.seconds)} MB/s`);
  console.log('targets: --check and JSON Lines >= 0.4× floor with one job; --out-dir <= 1.3× --check; --jobs 2 >= 1.7× --jobs 1; start-up <= 1.25× node -e 0; 1 GB stream peak RSS <= 150 MB with --jobs 2');
}
