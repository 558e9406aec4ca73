import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { writeAtomic } from '../io/write.js';
import type { ResolvedConfig } from '../rules/resolve.js';
import { problem } from './report.js';
import { PRESET_NAMES } from '../rules/presets.js';

const STARTER = `# yaml-language-server: $schema=./node_modules/clean-article/schema/clean-article.schema.json
# clean-article configuration: https://www.npmjs.com/package/clean-article (README, "Configuration").
# Found by every input file in this folder and below; \`clean-article --print-config FILE\` shows what applies.

# Presets: ${PRESET_NAMES.filter((n) => n !== 'recommended').join(', ')}; recommended = all of them.
# Paths to other config files work too (./site-rules.yaml), for instance rules written by \`clean-article learn\`.
extends:
  - recommended

# Switch off a built-in rule by id (\`clean-article rules\` lists them):
# disable:
#   - related/all-caps-headline

# Your own rules. Each has an id (group/name), a match kind (phrase, exact, prefix, suffix, regex) and a
# pattern. Its examples run when the config loads, so a rule that stops doing its job fails loudly.
rules: []
#  - id: site/sponsor-line
#    description: The sponsor line under every article.
#    match: prefix
#    pattern: "This article is brought to you by"
#    maxWords: 30              # never remove a block longer than this
#    examples:
#      - input: "This article is brought to you by Example Bank."
#        removed: true
#      - input: "Example Bank said on Monday that profits rose."
#        removed: false

# Warn when a document loses more than this share of its words (an error with --strict):
# guard:
#   maxRemovedShare: 0.5

# The article model on whole-page text: auto (pages only), on, or off.
# article:
#   extract: auto

# Mojibake repair ("donâ€™t" -> "don’t") is on; to switch it off:
# repair:
#   mojibake: false
`;

/** `clean-article init`: write the starter config, never over an existing one unless --force. */
export async function init(cwd: string, force: boolean, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, c: ChalkInstance): Promise<number> {
  const file = path.join(cwd, '.clean-article.yaml');
  if (existsSync(file) && !force) {
    stderr.write(problem(c, 'error', '.clean-article.yaml', 'already exists; not overwritten', 'edit it, or run clean-article init --force'));
    return 2;
  }
  writeAtomic(file, STARTER);
  stdout.write(`wrote .clean-article.yaml\n`);
  return 0;
}

/** `clean-article rules`: the rules in force, one per line: id, where it comes from, description. */
export function listRules(cfg: { file?: string; resolved: ResolvedConfig }, cwd: string): string {
  const rows = cfg.resolved.rules.map((r) => [r.spec.id, r.preset ? `preset ${r.preset}` : path.relative(cwd, r.file ?? '') || '(config)', r.spec.description ?? '']);
  const w0 = Math.max(...rows.map((r) => r[0].length), 2);
  const w1 = Math.max(...rows.map((r) => r[1].length), 6);
  const head = `config: ${cfg.file ? path.relative(cwd, cfg.file) || cfg.file : '(none: recommended presets)'}\n`;
  return head + rows.map((r) => `${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`.trimEnd() + '\n').join('');
}
