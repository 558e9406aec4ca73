import { Command, Option } from 'commander';

export interface CliOptions {
  output?: string;
  format: 'text' | 'json';
  explain?: boolean;
  strict?: boolean;
  color?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ clean-article article.txt                     clean one file to stdout
  $ curl -s URL | my-scraper | clean-article      clean stdin
  $ clean-article article.txt -o clean.txt        write to a file (never over the input)
  $ clean-article article.txt --format json       the result with every removal and its rule
  $ clean-article article.txt --explain >/dev/null   list what was removed and why, on stderr

Exit codes: 0 done, 1 an input failed (or --strict refused a document), 2 usage error.
`;

/** The command line, declared once; `run` gives it the world to write to. */
export function buildProgram(version: string): Command {
  return new Command('clean-article')
    .description('Turn raw scraped article text into clean article text: decode entities, rejoin split lines, remove boilerplate.')
    .version(version, '-v, --version', 'print the version')
    .argument('[input]', 'a file to clean, or - for stdin (default: stdin when it is not a terminal)')
    .option('-o, --output <file>', 'write the result to FILE instead of stdout')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--explain', 'print each removal and the rule that made it on stderr')
    .option('--strict', 'fail a document that would lose more than the guard share of its words, instead of warning')
    .option('-q, --quiet', 'print no warnings')
    .option('--color', 'colour stderr reports even when it is not a terminal')
    .option('--no-color', 'never colour stderr reports (NO_COLOR does the same)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run clean-article --help for usage)')
    .helpOption('-h, --help', 'show this help');
}
