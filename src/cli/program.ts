import { Command, InvalidArgumentError, Option } from 'commander';

export interface CliOptions {
  output?: string;
  format?: 'text' | 'json' | 'jsonl';
  outDir?: string;
  write?: boolean;
  check?: boolean;
  listDifferent?: boolean;
  inputFormat: 'text' | 'jsonl';
  field: string;
  onError: 'skip' | 'keep' | 'fail';
  /** Extensions with their dot, from --ext. */
  ext: string[];
  ignorePath?: string[];
  jobs?: number;
  /** Repeats across documents: undefined means on when a folder is given. */
  across?: boolean;
  groupBy: 'folder' | 'none' | 'url-host';
  minDocs?: number;
  extract?: 'auto' | 'on' | 'off';
  null?: boolean;
  encoding?: string;
  minShare?: number;
  explain?: boolean;
  strict?: boolean;
  color?: boolean;
  quiet?: boolean;
  /** A path, false for --no-config, undefined to search. */
  config?: string | false;
  printConfig?: boolean;
  /** --report FILE.html: the batch's figures as a page. */
  report?: string;
  /** --stats FILE.json: the same figures as JSON, to merge across shards. */
  stats?: string;
  /** JSON Lines: the field that names a record's group (its site), for repeats across records. */
  groupField?: string;
  /** JSON Lines with --group-by url-host: the field holding the record's URL. */
  urlField?: string;
  /** Repeats across documents from these counts (learn --counts-out, merged) instead of a counting pass. */
  counts?: string;
}

const EXAMPLES = `
Examples:
  $ clean-article article.txt                     clean one file to stdout
  $ my-scraper URL | clean-article                clean stdin
  $ clean-article article.txt -o clean.txt        write to a file (never over the input)
  $ clean-article article.txt --format json       the result with every removal and its rule
  $ clean-article article.txt --explain >/dev/null   list what was removed and why, on stderr
  $ clean-article articles/ --out-dir clean/      clean a folder into a mirrored tree
  $ clean-article --check 'data/**/*.txt'         pre-commit: exit 1 if any file would change
  $ clean-article --write data/                   rewrite changed files in place
  $ clean-article --input-format jsonl --field body < in.jsonl > out.jsonl
  $ clean-article rules article.txt               the rules in force for that file
  $ clean-article init                            write a starter .clean-article.yaml
  $ clean-article data/ --check --report r.html   what a batch would remove, as a page to look at

Config: -c FILE, else the nearest .clean-article.json, .clean-article.yaml/.yml or "clean-article"
key in package.json above each input (above the working directory for stdin); none: recommended.

Exit codes: 0 done, 1 an input failed or --check/-l found files that would change, 2 usage or config error.
`;

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of 1 or more');
  return n;
}

export function parseMinDocs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError('a whole number of 2 or more');
  return n;
}

export function parseShare(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}

/** `--ext txt,.text` → ['.txt', '.text']. */
export function parseExt(value: string): string[] {
  const list = value.split(',').map((e) => e.trim()).filter(Boolean).map((e) => (e.startsWith('.') ? e : `.${e}`));
  if (list.length === 0) throw new InvalidArgumentError('one or more extensions, comma-separated');
  return list;
}

/** Options every command that reads a config shares. */
export function configOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'use this config file (no search)')
    .option('--no-config', 'use no config file: the recommended presets')
    .option('--color', 'colour stderr reports even when it is not a terminal')
    .option('--no-color', 'never colour stderr reports (NO_COLOR does the same)');
}

/** The command line, declared once; `run` attaches the actions and gives it the world to write to. */
export function buildProgram(version: string): Command {
  // Positional options: after a subcommand's name, its own -o and --json are its own.
  const program = new Command('clean-article')
    .enablePositionalOptions()
    .description('Turn raw scraped article text into clean article text: decode entities, rejoin split lines, remove boilerplate.')
    .version(version, '-v, --version', 'print the version')
    .argument('[inputs...]', 'files, folders, quoted globs, or - for stdin (default: stdin when it is not a terminal)')
    .option('-o, --output <file>', 'write the result to FILE instead of stdout (one input)')
    .addOption(new Option('-f, --format <format>', 'output format: text, json (one object per input), jsonl (one record per input)').choices(['text', 'json', 'jsonl']))
    .option('--out-dir <dir>', 'write each clean file to DIR, mirroring its path below the folder given')
    .option('-w, --write', 'rewrite changed files in place (atomically; unchanged files are not touched)')
    .option('--check', 'write nothing; name every file that would change on stderr; exit 1 if any would')
    .option('-l, --list-different', 'print only the paths of files that would change (with --write: that changed)')
    .option('-z, --null', 'with -l, end each path with a NUL byte instead of a line break (for xargs -0, and names with spaces or line breaks)')
    .addOption(new Option('--input-format <format>', 'text files, or JSON Lines records').choices(['text', 'jsonl']).default('text'))
    .option('--field <name>', 'JSON Lines input: the field to clean', 'text')
    .addOption(new Option('--on-error <policy>', 'JSON Lines input: a malformed record is kept as it is, skipped, or fails the run').choices(['keep', 'skip', 'fail']).default('keep'))
    .addOption(new Option('--ext <list>', 'extensions taken from folders, comma-separated').default(['.txt'], '.txt').argParser(parseExt))
    .option('--ignore-path <file>', 'gitignore-style file of paths to skip (default: .clean-articleignore); repeatable', (v: string, acc: string[] = []) => [...acc, v])
    .addOption(new Option('-j, --jobs <n>', 'worker threads (default: the number of cores)').argParser(parseJobs))
    .option('--across', 'remove blocks repeated across the documents of a group (default: on when a folder is given)')
    .option('--no-across', 'do not look for blocks repeated across documents')
    .addOption(new Option('--group-by <how>', 'documents that count together for --across: each folder, all, or (JSON Lines) the records of one URL host').choices(['folder', 'none', 'url-host']).default('folder'))
    .option('--group-field <name>', 'JSON Lines: records with the same value of this field (e.g. domain) count together for repeats across records')
    .option('--url-field <name>', 'JSON Lines with --group-by url-host: the field holding the URL', 'url')
    .option('--counts <file>', 'repeats across documents from these counts (learn --counts-out, merged with learn --merge --counts-out) instead of a counting pass')
    .addOption(new Option('--min-docs <n>', 'a block in at least N documents of its group is boilerplate (config repeated.minDocs, default 3)').argParser(parseMinDocs))
    .addOption(new Option('--min-share <x>', '… and in at least this share of them, 0 to 1 (config repeated.minShare, default 0.2)').argParser(parseShare))
    .addOption(new Option('--encoding <name>', 'text files: read them in this encoding (windows-1252, iso-8859-2, koi8-r, shift_jis, gb18030, …), or auto: detect it where the bytes are not UTF-8'))
    .addOption(new Option('--extract <when>', 'the article model: remove what lies outside the article region (auto: only on whole-page text; config article.extract)').choices(['auto', 'on', 'off']))
    .option('--explain', 'print each removal and the rule that made it on stderr')
    .option('--strict', 'fail a document that would lose more than the guard share of its words, instead of warning')
    .option('-q, --quiet', 'print no warnings')
    .option('--print-config', 'print the config that applies to the input (presets expanded) as JSON, and exit')
    .option('--report <file>', 'write a self-contained HTML page of what the batch removed: rules, documents, examples')
    .option('--stats <file>', 'write the same figures as JSON (add shards up with: clean-article report *.json)');
  configOptions(program)
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run clean-article --help for usage)')
    .helpOption('-h, --help', 'show this help');
  configOptions(program.command('rules').description('list the rules in force (id, source, description) for a file or the working directory').argument('[file]'));
  configOptions(
    program
      .command('learn')
      .description('find blocks repeated across the documents of folders and write them as rules (YAML) to review and use with extends')
      .argument('[inputs...]', 'folders (or files, globs) to learn from; with --merge, counts files')
      .option('-o, --output <file>', 'write the rules here instead of stdout')
      .option('--json', 'write the rules as JSON, for machines')
      .option('--counts-out <file>', 'write the block counts here, to merge with other shards later')
      .option('--merge', 'the inputs are counts files from --counts-out: add them up and learn from the total')
      .option('--prune', "with --counts-out: keep only the blocks that reach --min-docs and --min-share, for cleaning with --counts (small and fast to load; can't be merged again)")
      .addOption(new Option('--min-docs <n>', 'in at least N documents (default: config repeated.minDocs, 3)').argParser(parseMinDocs))
      .addOption(new Option('--min-share <x>', 'and in at least this share of its group (default: config repeated.minShare, 0.2)').argParser(parseShare))
      .addOption(new Option('--max-words <n>', 'longer blocks are prose and never learned (default: config repeated.maxWords, 60)').argParser(parseJobs))
      .addOption(new Option('--max-blocks <n>', 'cap on distinct blocks held in memory (about 320 bytes each; default 1,000,000)').argParser(parseJobs))
      .addOption(new Option('--group-by <how>', 'count each folder apart, all inputs as one group, or (JSON Lines) each URL host apart').choices(['folder', 'none', 'url-host']).default('none'))
      .addOption(new Option('--input-format <format>', 'text files, or JSON Lines records (plain or gzip)').choices(['text', 'jsonl']).default('text'))
      .option('--field <name>', 'JSON Lines input: the field to count', 'text')
      .option('--group-field <name>', 'JSON Lines: records with the same value of this field count together')
      .option('--url-field <name>', 'JSON Lines with --group-by url-host: the field holding the URL', 'url')
      .addOption(new Option('--ext <list>', 'extensions taken from folders, comma-separated').default(['.txt'], '.txt').argParser(parseExt))
      .option('--ignore-path <file>', 'gitignore-style file of paths to skip; repeatable', (v: string, acc: string[] = []) => [...acc, v])
      .addOption(new Option('-j, --jobs <n>', 'worker threads (default: the number of cores)').argParser(parseJobs))
      .option('--report <file>', 'write a self-contained HTML page of the documents counted and the blocks learned')
      .option('--stats <file>', 'write the same figures as JSON')
      .option('-q, --quiet', 'no summary line'),
  );
  program
    .command('report')
    .description('add up --stats files of several runs (shards of one corpus) and write one report')
    .argument('[stats...]', 'files written by --stats')
    .option('--report <file>', 'write the HTML page here')
    .option('--stats <file>', 'write the summed figures as JSON here');
  program
    .command('init')
    .description('write a commented starter .clean-article.yaml in the working directory')
    .option('--force', 'overwrite an existing .clean-article.yaml');
  return program;
}

