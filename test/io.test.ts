import { readdirSync, readFileSync, statSync, writeFileSync, chmodSync, symlinkSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTemps, writeAtomic } from '../src/io/write.js';
import { linesOf } from '../src/io/lines.js';
import { tree } from './helpers/world.js';

describe('atomic writes', () => {
  it('replaces the content, keeps the mode, leaves no temp file', async () => {
    const dir = tree({ 'a.txt': 'old\n' });
    const file = path.join(dir, 'a.txt');
    chmodSync(file, 0o600);
    writeAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
  it('writes through a symlink: the target changes, the link stays', async () => {
    const dir = tree({ 'real.txt': 'old\n' });
    symlinkSync(path.join(dir, 'real.txt'), path.join(dir, 'link.txt'));
    writeAtomic(path.join(dir, 'link.txt'), 'new\n');
    expect(readlinkSync(path.join(dir, 'link.txt'))).toBe(path.join(dir, 'real.txt'));
    expect(readFileSync(path.join(dir, 'real.txt'), 'utf8')).toBe('new\n');
  });
  it('sweeps temp files of dead writers only, and nothing else', async () => {
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default, so no process has it
    const dir = tree({ 'a.txt': 'x', [`.a.txt.clean-article-tmp-${dead}-0-1`]: 'half', [`.b.txt.clean-article-tmp-${process.pid}-0-1`]: 'mine', 'report.2024': 'data' });
    expect(await sweepTemps(dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([`.b.txt.clean-article-tmp-${process.pid}-0-1`, 'a.txt', 'report.2024']);
    writeFileSync(path.join(dir, 'a.txt'), 'y');
  });
});

describe('lines of a stream', () => {
  const collect = async (chunks: Array<string | Buffer>) => {
    const out: string[] = [];
    for await (const line of linesOf((async function* () { yield* chunks; })())) out.push(line);
    return out;
  };
  it('splits on \\n, \\r\\n and \\r, like readline, whatever the chunk boundaries', async () => {
    const text = 'a\nb\r\nc\rd\n\ne';
    const want = ['a', 'b', 'c', 'd', '', 'e'];
    expect(await collect([text])).toEqual(want);
    // Every way of cutting the text in two, including between \r and \n.
    for (let i = 1; i < text.length; i++) expect(await collect([text.slice(0, i), text.slice(i)])).toEqual(want);
  });
  it('no empty line after a final line end; a last line without one is kept', async () => {
    expect(await collect(['x\n'])).toEqual(['x']);
    expect(await collect(['x\r\n'])).toEqual(['x']);
    expect(await collect(['x\r'])).toEqual(['x']);
    expect(await collect(['x'])).toEqual(['x']);
    expect(await collect([])).toEqual([]);
  });
  it('a multi-byte character split across chunks stays whole', async () => {
    const bytes = Buffer.from('café ✓\nnext\n');
    for (let i = 1; i < bytes.length; i++) expect(await collect([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(['café ✓', 'next']);
  });
  it('reads only as fast as the caller takes lines', async () => {
    let pulled = 0;
    const source = (async function* () {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield `line ${i}\n`;
      }
    })();
    const it = linesOf(source);
    await it.next();
    await it.next();
    expect(pulled).toBeLessThanOrEqual(3);
    await it.return(undefined);
  });
});
