import { existsSync, readFileSync } from 'node:fs';
import { isDynamicPattern } from 'tinyglobby';
import path from 'node:path';
import { CommanderError } from 'commander';
import { cleanWith } from '../core/clean.js';
import { decodeBytes, readInput, readStream, type ReadResult } from '../io/read.js';
import { sameFile, writeAtomic } from '../io/write.js';
import { buildProgram, type CliOptions } from './program.js';
import { colorLevel, makeChalk } from './color.js';
import { explain, problem } from './report.js';
import { configFor, printable } from './config.js';
import { init, listRules } from './commands.js';
import { conflicts, isBatch, runBatch } from './batch.js';
import { learn, type LearnOptions } from './learn.js';

/** Everything the CLI touches of the outside world, passed in so tests can run it in-process. */
export interface World {
  argv: string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function packageVersion(): string {
  const pkg = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** Run the CLI. Returns the exit code; only bin/ touches process.exitCode. */
export async function run(world: World): Promise<number> {
  const { stdout, stderr, env, cwd } = world;
  const program = buildProgram(packageVersion());
  const chalkFor = (opts: { color?: boolean }) => makeChalk(colorLevel(opts.color, env, Boolean(stderr.isTTY)));
  let exit: number = EXIT.ok;
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride().configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });
  }
  program.action(async (inputs: string[], opts: CliOptions) => {
    const c = chalkFor(opts);
    const conflict = conflicts(inputs, opts);
    if (conflict) {
      stderr.write(problem(c, 'error', undefined, conflict, 'see clean-article --help'));
      exit = EXIT.usage;
    } else if (opts.printConfig || !isBatch(inputs, opts)) {
      exit = await cleanOne(world, inputs[0], opts);
    } else {
      exit = await runBatch(world, inputs, opts, c);
    }
  });
  program.commands
    .find((c) => c.name() === 'rules')!
    .action(async (file: string | undefined, opts: CliOptions) => {
      const c = chalkFor(opts);
      const cfg = await configFor(opts.config, file, cwd, stderr, c);
      if (!cfg.ok) return void (exit = EXIT.usage);
      stdout.write(listRules(cfg, cwd));
    });
  program.commands
    .find((c) => c.name() === 'learn')!
    .action(async (inputs: string[], opts: LearnOptions & { color?: boolean }) => {
      exit = await learn(world, inputs, opts, chalkFor(opts));
    });
  program.commands
    .find((c) => c.name() === 'init')!
    .action(async (opts: { force?: boolean }) => {
      exit = await init(cwd, Boolean(opts.force), stdout, stderr, chalkFor(program.opts()));
    });
  try {
    await program.parseAsync(world.argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw err;
  }
  return exit;
}

async function cleanOne(world: World, input: string | undefined, opts: CliOptions): Promise<number> {
  const { stdin, stdout, stderr, env, cwd } = world;
  const c = makeChalk(colorLevel(opts.color, env, Boolean(stderr.isTTY)));
  const fromStdin = input === undefined || input === '-';
  const cfg = await configFor(opts.config, fromStdin ? undefined : input, cwd, stderr, c);
  if (!cfg.ok) return EXIT.usage;
  if (opts.printConfig) {
    stdout.write(printable(cfg));
    return EXIT.ok;
  }
  if (input !== undefined && input !== '-' && isDynamicPattern(input) && !existsSync(path.resolve(cwd, input))) {
    return runBatch(world, [input], opts, c);
  }
  if (input === undefined && stdin.isTTY) {
    stderr.write(problem(c, 'error', undefined, 'no input', 'pass a file, or pipe text on stdin; see clean-article --help'));
    return EXIT.usage;
  }
  const name = fromStdin ? '-' : input;
  const file = fromStdin ? undefined : path.resolve(cwd, input);
  if (opts.output && file && (await sameFile(file, path.resolve(cwd, opts.output)))) {
    stderr.write(problem(c, 'error', opts.output, 'is the input file; refusing to write over it', 'pick another -o path'));
    return EXIT.usage;
  }
  const read: ReadResult = file ? await readInput(file) : decodeBytes(await readStream(stdin), '-');
  if (!read.ok) {
    stderr.write(problem(c, 'error', name, read.error.cause, read.error.hint));
    return EXIT.failed;
  }
  const result = cleanWith(read.text, cfg.options);
  const warnings = [...read.warnings, ...result.warnings];
  const refused = opts.strict && result.stats.removedShare > cfg.options.guard.maxRemovedShare;
  if (!opts.quiet || refused) {
    for (const w of warnings) stderr.write(problem(c, refused ? 'error' : 'warning', name, w));
  }
  if (opts.explain) stderr.write(explain(name, result, c));
  if (refused) return EXIT.failed;
  const data = opts.format === 'json' ? JSON.stringify({ source: name, ...result }, null, 2) + '\n' : result.text;
  if (opts.output) await writeAtomic(path.resolve(cwd, opts.output), data);
  else stdout.write(data);
  return EXIT.ok;
}
