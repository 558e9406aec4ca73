import { readdirSync, readFileSync, statSync, writeFileSync, chmodSync, symlinkSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTemps, writeAtomic } from '../src/io/write.js';
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
