// The cluster recipes run for real: examples/slurm on a single-node Slurm cluster started here
// (Debian's slurm-wlm and munge, as root), and examples/parallel with GNU parallel. Each cleans
// eight shards (some gzip) in three steps, and the result must be byte for byte what one process
// gives on the same records. CI installs the packages (.ci/run); where they are missing outside
// CI the tests say why they skip, and in CI they fail.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tree } from './helpers/world.js';
import { bin, root, spawnCli } from './helpers/spawn.js';
import { jsonl, records } from './helpers/records.js';
import { nodeState, slurmMissing, startSlurm, tail } from './helpers/cluster.js';

const SHARDS = 8;
const PER_SHARD = 15;

/** Eight shards (odd ones gzip), clean-article on PATH, and what one process makes of them all. */
function corpus() {
  const all = records(SHARDS * PER_SHARD);
  const dir = tree({ 'all.jsonl': jsonl(all) });
  mkdirSync(path.join(dir, 'shards'));
  const names: string[] = [];
  for (let k = 0; k < SHARDS; k++) {
    const body = jsonl(all.slice(k * PER_SHARD, (k + 1) * PER_SHARD));
    const name = `part-${String(k).padStart(5, '0')}.jsonl${k % 2 ? '.gz' : ''}`;
    writeFileSync(path.join(dir, 'shards', name), k % 2 ? gzipSync(body) : body);
    names.push(name);
  }
  const binDir = path.join(dir, '.bin');
  mkdirSync(binDir);
  symlinkSync(bin, path.join(binDir, 'clean-article'));
  const one = spawnCli(['--input-format', 'jsonl', '--group-field', 'domain', 'all.jsonl'], { cwd: dir });
  expect(one.code, one.stderr).toBe(0);
  expect(one.stdout).not.toContain('become a member today');
  const env = { ...(process.env as Record<string, string>), PATH: `${binDir}:${process.env.PATH ?? ''}` };
  return { dir, names, env, expected: one.stdout };
}

/** The clean shards, read in shard order and decompressed, as one text. */
function cleaned(out: string, names: string[]): string {
  return names.map((n) => {
    const bytes = readFileSync(path.join(out, n));
    return (n.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  }).join('');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the Slurm recipe (examples/slurm)', () => {
  const missing = slurmMissing();
  if (missing && process.env.CI) it('Slurm and munge can run in CI', () => expect(missing).toBeUndefined());
  it.skipIf(Boolean(missing))('count, merge and clean as job arrays over 8 shards give one process\'s bytes', async () => {
    const { dir, names, env, expected } = corpus();
    const cluster = startSlurm(path.join(dir, 'slurm'));
    try {
      const all = { ...env, ...cluster.env };
      for (let i = 0; i < 60 && nodeState(cluster.env) !== 'idle'; i++) await sleep(500);
      expect(nodeState(cluster.env), tail(path.join(dir, 'slurm/slurmd.log'))).toBe('idle');
      const submit = spawnSync(path.join(root, 'examples/slurm/submit.sh'), ['shards', 'out', 'domain'], { cwd: dir, env: all, encoding: 'utf8' });
      expect(submit.status, submit.stderr).toBe(0);
      const ids = submit.stdout.trim().split(' ');
      expect(ids).toHaveLength(3);
      // Done when the queue holds none of the three jobs (or their array tasks).
      for (let i = 0; i < 240; i++) {
        const q = spawnSync('squeue', ['-h', '-j', ids.join(',')], { env: all, encoding: 'utf8' });
        if (q.status === 0 && q.stdout.trim() === '') break;
        await sleep(500);
      }
      const states = spawnSync('scontrol', ['show', 'job', ids[2]], { env: all, encoding: 'utf8' }).stdout;
      const logs = readdirSync(path.join(dir, 'out/logs')).map((f) => `${f}: ${readFileSync(path.join(dir, 'out/logs', f), 'utf8')}`).join('\n');
      expect(states, logs).toMatch(/JobState=COMPLETED/);
      expect(states, logs).not.toMatch(/JobState=(FAILED|CANCELLED|TIMEOUT|PENDING|RUNNING)/);
      expect(readdirSync(path.join(dir, 'out/counts'))).toHaveLength(SHARDS);
      expect(cleaned(path.join(dir, 'out'), names)).toBe(expected);
    } finally {
      cluster.stop();
    }
  }, 240_000);
});

describe('the GNU parallel recipe (examples/parallel)', () => {
  const hasParallel = spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasParallel && process.env.CI) it('GNU parallel is installed in CI', () => expect(hasParallel).toBe(true));
  it.skipIf(!hasParallel)('count, merge and clean on this machine over 8 shards give one process\'s bytes', () => {
    const { dir, names, env, expected } = corpus();
    const r = spawnSync(path.join(root, 'examples/parallel/clean-shards.sh'), ['shards', 'out', 'domain'], { cwd: dir, env: { ...env, JOBS: '2' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out/counts'))).toHaveLength(SHARDS);
    expect(cleaned(path.join(dir, 'out'), names)).toBe(expected);
  }, 120_000);
});
