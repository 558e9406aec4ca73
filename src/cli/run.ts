import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { buildProgram, type CliOptions } from './program.js';
import { colorLevel, makeChalk } from './color.js';
import type { LearnOptions } from './learn.js';
import { planRun } from './plan.js';
import type { World } from './world.js';

export type { World } from './world.js';


export { EXIT } from './exit.js';
import { EXIT } from './exit.js';

function packageVersion(): string {
  const pkg = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** --encoding names an encoding iconv-lite knows, or auto (loaded only when the flag is given). */
async function unknownEncoding(name: string): Promise<string | undefined> {
  if (name === 'auto') return undefined;
  const { knownEncoding } = await import('../io/legacy.js');
  return knownEncoding(name) ? undefined : `--encoding ${name}: not an encoding this tool knows; use a name such as windows-1252, iso-8859-2, koi8-r, shift_jis, gb18030, or auto`;
}

/** Run the CLI. Returns the exit code; only bin/ touches process.exitCode. */
export async function run(world: World): Promise<number> {
  const { stdout, stderr, env, cwd } = world;
  const program = buildProgram(packageVersion());
  const chalkFor = (opts: { color?: boolean }) => makeChalk(colorLevel(opts.color, env, Boolean(stderr.isTTY)));
  let exit: number = EXIT.ok;
  for (const cmd of [program, ...program.commands]) {
    // commander's own errors ("error: unknown option") take the prefix every other message has.
    cmd.exitOverride().configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s.startsWith('error:') ? `clean-article: ${s}` : s) });
  }
  program.action(async (inputs: string[], opts: CliOptions) => {
    const c = await chalkFor(opts);
    const planned = planRun(inputs, opts);
    const refused = 'error' in planned ? planned.error : opts.encoding ? await unknownEncoding(opts.encoding) : undefined;
    if (refused !== undefined || !('plan' in planned)) {
      const { problem } = await import('./report.js');
      stderr.write(problem(c, 'error', undefined, refused ?? 'no plan', 'see clean-article --help'));
      exit = EXIT.usage;
      return;
    }
    // Each mode loads only what it needs: a single file never pays for the worker pool or globbing.
    const { plan } = planned;
    if (plan.mode === 'single') {
      const { cleanOne } = await import('./single.js');
      exit = await cleanOne(world, plan.inputs[0], plan.options);
    } else if (plan.mode === 'jsonl') {
      const { runJsonl } = await import('./jsonl.js');
      exit = await runJsonl(world, plan.inputs, plan.options, c);
    } else {
      const { runBatch } = await import('./batch.js');
      exit = await runBatch(world, plan.inputs, plan.options, c);
    }
  });
  program.commands
    .find((c) => c.name() === 'rules')!
    .action(async (file: string | undefined, opts: CliOptions) => {
      const c = await chalkFor(opts);
      const { configFor } = await import('./load-config.js');
      const cfg = await configFor(opts.config, file, cwd, stderr, c);
      if (!cfg.ok) return void (exit = EXIT.usage);
      const { listRules } = await import('./commands.js');
      stdout.write(listRules(cfg, cwd));
    });
  program.commands
    .find((c) => c.name() === 'learn')!
    .action(async (inputs: string[], opts: LearnOptions & { color?: boolean }) => {
      const { learn } = await import('./learn.js');
      exit = await learn(world, inputs, opts, await chalkFor(opts));
    });
  program.commands
    .find((c) => c.name() === 'report')!
    .action(async (files: string[], opts: { report?: string; stats?: string }) => {
      const { reportCommand } = await import('./stats-out.js');
      exit = reportCommand(world, files, opts, await chalkFor(program.opts()));
    });
  program.commands
    .find((c) => c.name() === 'init')!
    .action(async (opts: { force?: boolean }) => {
      const { init } = await import('./commands.js');
      exit = await init(cwd, Boolean(opts.force), stdout, stderr, await chalkFor(program.opts()));
    });
  try {
    await program.parseAsync(world.argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // The last line of defence: one readable line, never a stack trace, unless asked for.
    const e = err as NodeJS.ErrnoException;
    if (e?.code && e.path) {
      const { describeFsError } = await import('../io/read.js');
      const d = describeFsError(e, e.path);
      stderr.write(`clean-article: error: ${e.path}: ${d.cause}${d.hint ? ` (${d.hint})` : ''}\n`);
      return EXIT.failed;
    }
    stderr.write(`clean-article: internal error: ${e?.message ?? String(err)} (run with CLEAN_ARTICLE_DEBUG=1 for details, and please report it)\n`);
    if (env.CLEAN_ARTICLE_DEBUG) stderr.write(`${e?.stack ?? ''}\n`);
    return EXIT.usage;
  }
  return exit;
}
