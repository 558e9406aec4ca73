// A single-node Slurm cluster for the recipe test: munge and Slurm's two daemons from Debian's
// packages, started as root with a config in a temp folder and their own ports, stopped after.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import path from 'node:path';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Why a cluster cannot be started here, or undefined when it can. */
export function slurmMissing(): string | undefined {
  if (process.getuid?.() !== 0) return 'the daemons are started as root, and this is not root';
  const missing = ['munged', 'munge', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'setpriv'].filter((c) => !has(c));
  return missing.length ? `not installed: ${missing.join(', ')} (Debian packages slurm-wlm and munge)` : undefined;
}

export interface Cluster {
  env: Record<string, string>;
  stop(): void;
}

function munge(): () => void {
  if (spawnSync('sh', ['-c', 'munge -n | unmunge'], { stdio: 'ignore' }).status === 0) return () => undefined;
  mkdirSync('/run/munge', { recursive: true });
  execFileSync('chown', ['munge:munge', '/run/munge']);
  for (const d of ['/var/log/munge', '/var/lib/munge']) if (existsSync(d)) execFileSync('chown', ['-R', 'munge:munge', d]);
  if (!existsSync('/etc/munge/munge.key')) execFileSync('sh', ['-c', 'mungekey --create --force && chown munge:munge /etc/munge/munge.key']);
  const uid = execFileSync('id', ['-u', 'munge'], { encoding: 'utf8' }).trim();
  const gid = execFileSync('id', ['-g', 'munge'], { encoding: 'utf8' }).trim();
  execFileSync('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', 'munged']);
  const ok = spawnSync('sh', ['-c', 'munge -n | unmunge'], { stdio: 'ignore' }).status === 0;
  if (!ok) throw new Error('munged did not start: munge -n | unmunge fails');
  return () => spawnSync('sh', ['-c', 'kill $(cat /run/munge/munged.pid 2>/dev/null) 2>/dev/null'], { stdio: 'ignore' });
}

/** Start munge (unless it runs), slurmctld and slurmd; resolve once the node is idle. */
export function startSlurm(dir: string): Cluster {
  const stopMunge = munge();
  const node = hostname();
  const port = 20000 + (process.pid % 5000) * 2;
  mkdirSync(path.join(dir, 'state'), { recursive: true });
  mkdirSync(path.join(dir, 'spool'), { recursive: true });
  const conf = path.join(dir, 'slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=cleanarticle',
      // Addresses given, so nothing depends on the host name resolving.
      `SlurmctldHost=${node}(127.0.0.1)`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      'MpiDefault=none',
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'ReturnToService=2',
      'SchedulerType=sched/builtin',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU',
      `StateSaveLocation=${dir}/state`,
      `SlurmdSpoolDir=${dir}/spool`,
      `SlurmctldPidFile=${dir}/slurmctld.pid`,
      `SlurmdPidFile=${dir}/slurmd.pid`,
      `SlurmctldLogFile=${dir}/slurmctld.log`,
      `SlurmdLogFile=${dir}/slurmd.log`,
      `SlurmctldPort=${port}`,
      `SlurmdPort=${port + 1}`,
      'JobCompType=jobcomp/none',
      'AccountingStorageType=accounting_storage/none',
      'JobAcctGatherType=jobacct_gather/none',
      `NodeName=${node} NodeAddr=127.0.0.1 CPUs=${cpus().length} RealMemory=1000 State=UNKNOWN`,
      `PartitionName=main Nodes=${node} Default=YES MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  );
  const env = { SLURM_CONF: conf };
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} did not start (exit ${r.status}): ${r.stderr}\n${tail(path.join(dir, `${cmd}.log`))}`);
  };
  const stop = () => {
    spawnSync('scontrol', ['shutdown'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    for (const p of ['slurmctld.pid', 'slurmd.pid']) {
      const f = path.join(dir, p);
      if (existsSync(f)) spawnSync('kill', [readFileSync(f, 'utf8').trim()], { stdio: 'ignore' });
    }
    stopMunge();
  };
  try {
    run('slurmctld', ['-f', conf]);
    run('slurmd', ['-f', conf]);
  } catch (err) {
    stop();
    throw err;
  }
  return { env, stop };
}

/** The node's state as sinfo reports it (idle when it takes jobs). */
export function nodeState(env: Record<string, string>): string {
  return spawnSync('sinfo', ['-h', '-o', '%t'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout.trim();
}

export function tail(file: string, lines = 20): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : `(no ${file})`;
}
