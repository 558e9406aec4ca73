import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CommanderError } from 'commander';
import type { ChalkInstance } from 'chalk';
import { cleanWith } from '../core/clean.js';
import { compileConfig } from '../rules/config.js';
import { decodeBytes, readInput, readStream, type ReadResult } from '../io/read.js';
import { sameFile, writeAtomic } from '../io/write.js';
import { buildProgram, type CliOptions } from './program.js';
import { colorLevel, makeChalk } from './color.js';
import { explain, problem } from './report.js';

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
  const { stdout, stderr } = world;
  const program = buildProgram(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });
  let exit: number = EXIT.ok;
  program.action(async (input: string | undefined, opts: CliOptions) => {
    exit = await cleanOne(world, input, opts);
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
  const c: ChalkInstance = makeChalk(colorLevel(opts.color, env, Boolean(stderr.isTTY)));
  const fromStdin = input === undefined || input === '-';
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
  const options = compileConfig();
  const result = cleanWith(read.text, options);
  const warnings = [...read.warnings, ...result.warnings];
  const refused = opts.strict && result.stats.removedShare > options.guard.maxRemovedShare;
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
