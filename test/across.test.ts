// Blocks repeated across documents: two invented publishers, each with its own navigation,
// newsletter box and footer (fixtures/across/input), cleaned with the presets off.
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { root, spawnCli } from './helpers/spawn.js';

const cli = (cwd: string, args: string[]) => spawnCli(args, { cwd });
/** A scratch copy of the fixture folder, so outputs never land in the repository. */
function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clean-article-across-'));
  cpSync(path.join(root, 'fixtures/across'), dir, { recursive: true });
  return dir;
}
const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
const tree = (dir: string) => Object.fromEntries(files(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('repeated blocks across documents', () => {
  it('with the presets off, removes each publisher’s repeated chrome and keeps every article paragraph', () => {
    const dir = copy();
    const r = cli(dir, ['input', '--out-dir', 'out']);
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(tree(path.join(dir, 'expected')));
  });
  it('says which rule removed a block and with what count; digit runs do not tell blocks apart', () => {
    const dir = copy();
    const r = cli(dir, ['input', '--format', 'jsonl']);
    const first = JSON.parse(r.stdout.split('\n')[0]);
    expect(first.source).toBe('input/harbor-herald/story-1.txt');
    const footer = first.removed.find((x: { text: string }) => x.text.startsWith('© 2023'));
    expect(footer).toMatchObject({ rule: 'repeated/across-documents', reason: 'in 4 of the 4 documents of its group (100%)' });
  });
  it('keeps a long prose paragraph that three documents share (the guard)', () => {
    const dir = copy();
    cli(dir, ['input', '--out-dir', 'out']);
    const shared = 'The regional ferry authority, which runs eleven routes';
    const holding = files(path.join(dir, 'out')).filter((f) => readFileSync(path.join(dir, 'out', f), 'utf8').includes(shared));
    expect(holding).toEqual(['harbor-herald/story-2.txt', 'harbor-herald/story-3.txt', 'harbor-herald/story-4.txt']);
  });
  it('is off for named files unless asked, since a hook sees only a subset of the corpus', () => {
    const dir = copy();
    const named = ['input/harbor-herald/story-1.txt', 'input/harbor-herald/story-2.txt', 'input/harbor-herald/story-3.txt'];
    expect(cli(dir, [...named, '--format', 'jsonl']).stdout).not.toMatch(/across-documents/);
    expect(cli(dir, [...named, '--format', 'jsonl', '--across']).stdout).toMatch(/across-documents/);
  });
  it('file order and --jobs do not change the result', () => {
    const dir = copy();
    // Enough documents that --jobs 2 really starts workers (small batches stay in one thread).
    for (const f of files(path.join(dir, 'input'))) {
      for (let k = 0; k < 40; k++) cpSync(path.join(dir, 'input', f), path.join(dir, 'input', f.replace('.txt', `-copy${k}.txt`)));
    }
    const all = files(path.join(dir, 'input')).map((f) => path.join('input', f));
    expect(all.length).toBeGreaterThan(256);
    const a = cli(dir, ['--across', '--format', 'jsonl', '--quiet', '--jobs', '1', ...all]);
    const b = cli(dir, ['--across', '--format', 'jsonl', '--quiet', '--jobs', '2', ...[...all].reverse()]);
    expect(a.code).toBe(0);
    expect(b).toEqual(a);
  });
  it('learn writes rules that, used alone, give the same output', () => {
    const dir = copy();
    expect(cli(dir, ['learn', 'input', '--group-by', 'folder', '-o', 'rules.yaml']).code).toBe(0);
    const learned = YAML.parse(readFileSync(path.join(dir, 'rules.yaml'), 'utf8'));
    expect(learned.extends).toEqual([]);
    expect(learned.rules).toHaveLength(20);
    writeFileSync(path.join(dir, 'learned.json'), JSON.stringify({ extends: ['./rules.yaml'], guard: { maxRemovedShare: 0.8 } }));
    const r = cli(dir, ['input', '--out-dir', 'out', '--no-across', '-c', 'learned.json']);
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(tree(path.join(dir, 'expected')));
  });
  it('learn writes each rule with its document count, share and an example file, most documents first', () => {
    const dir = copy();
    const yaml = cli(dir, ['learn', 'input', '--group-by', 'folder']).stdout;
    expect(yaml).toMatch(/^ {2}# 4 of 4 documents \(100%\) in input\/harbor-herald; e\.g\. input\/harbor-herald\/story-1\.txt\n {2}- id: learned\/[0-9a-f]{10}\n/m);
    const json = JSON.parse(cli(dir, ['learn', 'input', '--group-by', 'folder', '--json']).stdout);
    const counts = json.rules.map((r: { docs: number }) => r.docs);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const footer = json.rules.find((r: { text: string }) => r.text.startsWith('©'));
    expect(footer).toMatchObject({ match: 'regex', pattern: '^©\\s+\\d+\\s+Harbor\\s+Herald\\s+Media\\.\\s+All\\s+rights\\s+reserved\\.$', docs: 4 });
  });
  it('shard counts merged give the same rules as one run over everything', () => {
    const dir = copy();
    cli(dir, ['learn', 'input/harbor-herald', 'input/lantern-gazette/story-1.txt', '--counts-out', 'a.json']);
    cli(dir, ['learn', 'input/lantern-gazette/story-2.txt', 'input/lantern-gazette/story-3.txt', 'input/lantern-gazette/story-4.txt', '--counts-out', 'b.json']);
    const merged = cli(dir, ['learn', '--merge', 'b.json', 'a.json', '--json']);
    const single = cli(dir, ['learn', 'input', '--json']);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(single.stdout));
  });
  it('the block table is bounded, with a message that says what to do', () => {
    const r = cli(copy(), ['learn', 'input', '--max-blocks', '5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the block table is full \(5 distinct blocks.*learn --counts-out.*learn --merge, or raise --max-blocks/);
  });
  it('--merge refuses a file that is not a counts file', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'x.json'), '{"a": 1}');
    const r = cli(dir, ['learn', '--merge', 'x.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.json: is not a counts file written by learn --counts-out/);
  });
});
