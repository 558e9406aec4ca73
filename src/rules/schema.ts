import { z } from 'zod';

// One source of truth for configs: validation here, the JSON Schema for editors generated from it
// (npm run build:schema), and the TypeScript types in rules/spec.ts kept equal by a test.
const ID = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
const pattern = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const ExampleSchema = z
  .strictObject({
    input: z.string().describe('A document (blocks separated by blank lines) to run the rule on.'),
    removed: z.boolean().optional().describe('Whether the rule must remove something from the input.'),
    output: z.string().optional().describe('What the input must become with this rule alone.'),
  })
  .describe('An example that runs when the config loads; a failing example is a config error.');

export const RuleSchema = z
  .strictObject({
    id: z.string().regex(ID, 'must look like group/name: lower-case letters, digits and dashes').describe('Unique id, group/name.'),
    description: z.string().optional().describe('What the rule removes, for people.'),
    match: z.enum(['phrase', 'exact', 'prefix', 'suffix', 'regex']).describe(
      'phrase: a case-insensitive literal anywhere; exact: the whole block; prefix/suffix: the block starts/ends with it; regex: a JavaScript regular expression.',
    ),
    pattern: pattern.describe('The pattern, or a list of them (any one matches).'),
    flags: z.string().regex(/^[imsuv]*$/, 'only the flags i, m, s, u and v are allowed').optional().describe('Regex flags (match: regex).'),
    scope: z.enum(['block', 'line']).optional().describe('Test the whole paragraph (block, default) or each input line in it (line).'),
    action: z
      .enum(['remove-block', 'remove-match', 'remove-following', 'remove-range', 'remove-section'])
      .optional()
      .describe(
        'remove-block (default), remove-match (only the matched span), remove-following (the block and `count` after it), remove-range (up to the block matching `end`), remove-section (from a heading to the end of the document, when `confirm` blocks follow it).',
      ),
    count: z.int().min(1).max(50).optional().describe('remove-following: how many blocks after the match go too (default 1).'),
    end: pattern.optional().describe('remove-range: the pattern of the block that closes the range.'),
    confirm: pattern
      .optional()
      .describe('remove-section: blocks that prove the section is what its heading says (comment signatures); the heading counts only when such blocks follow it.'),
    minConfirm: z.int().min(1).optional().describe('remove-section: how many confirming blocks the section needs (default 2).'),
    position: z
      .strictObject({ from: z.enum(['start', 'end']), within: z.int().min(1) })
      .optional()
      .describe('Fire only within the first or last `within` blocks.'),
    maxWords: z.int().min(1).optional().describe('The guard: never remove a block (or span) with more words than this (default 40).'),
    maxBlockWords: z
      .int()
      .min(1)
      .optional()
      .describe('remove-match: never search a block with more words than this, so the rule cannot fire inside a long paragraph (default: no limit).'),
    minRun: z.int().min(1).optional().describe('Fire only where at least this many consecutive blocks match.'),
    label: z
      .boolean()
      .optional()
      .describe('remove-block, remove-following: the block is the label of a list of other stories; after an article container\'s last prose, everything from it to the end goes.'),
    examples: z.array(ExampleSchema).optional(),
  })
  .describe('A removal rule.');

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe('Presets (legal, newsletter, promo, share, related, captions, cookies, ads, meta, comments, recommended) and relative paths to other config files, applied in order. Default: recommended; [] for none.'),
    rules: z.array(RuleSchema).optional().describe('Rules of this config; a rule with the id of an inherited one replaces it.'),
    disable: z.array(z.string()).optional().describe('Ids of rules to switch off.'),
    repeated: z
      .strictObject({
        enabled: z.boolean().optional().describe('Remove blocks repeated within a document (default true).'),
        minChars: z.int().min(1).optional().describe('Shorter blocks never count as repeats (default 20).'),
        minDocs: z.int().min(2).optional().describe('Across documents: a block in at least this many documents is boilerplate (default 3).'),
        minShare: z.number().min(0).max(1).optional().describe('Across documents: … and in at least this share of the documents of its group (default 0.2).'),
        maxWords: z.int().min(1).optional().describe('Across documents: longer blocks are kept as prose (default 60).'),
        maskDigits: z.boolean().optional().describe('Across documents: digit runs do not tell blocks apart, so "© 2021 X" and "© 2024 X" are one block (default true).'),
      })
      .optional(),
    guard: z
      .strictObject({
        maxRemovedShare: z.number().min(0).max(1).optional().describe('Warn (error with --strict) when a document loses more than this share of its words (default 0.5).'),
      })
      .optional(),
    repair: z
      .strictObject({
        mojibake: z.boolean().optional().describe('Put back UTF-8 that was read as Windows-1252 or Latin-1 ("donâ€™t" -> "don’t"), once or twice over (default true).'),
      })
      .optional(),
    article: z
      .strictObject({
        extract: z.enum(['auto', 'on', 'off']).optional().describe('The article model: auto (only where the input looks like a whole page), on, off (default auto).'),
        lengthLow: z.int().min(1).optional().describe('Blocks shorter than this many characters are short (default 70).'),
        lengthHigh: z.int().min(1).optional().describe('A stopword-rich block longer than this is good (default 200).'),
        stopwordsLow: z.number().min(0).max(1).optional().describe('Stopword share from which a block is near-good (default 0.2).'),
        stopwordsHigh: z.number().min(0).max(1).optional().describe('Stopword share from which a long block is good (default 0.32).'),
        maxLinkDensity: z.number().min(0).max(1).optional().describe('A block with more of its characters in lone short text nodes is bad (default 0.7).'),
        maxGap: z.int().min(0).optional().describe('Blocks allowed between two good ones inside one region (default 3).'),
        minRegionShare: z.number().min(0).max(1).optional().describe('Regions lighter than this share of the heaviest are not article (default 0.3).'),
        minBlocks: z.int().min(1).optional().describe('auto: a page has at least this many blocks (default 40).'),
        minShortShare: z.number().min(0).max(1).optional().describe('auto: … and at least this share of them short lines without a sentence end (default 0.4).'),
      })
      .optional(),
  })
  .describe('clean-article configuration');

export type ConfigInput = z.infer<typeof ConfigSchema>;

/** Keys allowed at each kind of place, for did-you-mean on unknown keys. */
export const KEYS = {
  config: Object.keys(ConfigSchema.shape),
  rule: Object.keys(RuleSchema.shape),
  example: Object.keys(ExampleSchema.shape),
  position: ['from', 'within'],
  repeated: ['enabled', 'minChars', 'minDocs', 'minShare', 'maxWords', 'maskDigits'],
  guard: ['maxRemovedShare'],
  repair: ['mojibake'],
  article: ['extract', 'lengthLow', 'lengthHigh', 'stopwordsLow', 'stopwordsHigh', 'maxLinkDensity', 'maxGap', 'minRegionShare', 'minBlocks', 'minShortShare'],
};
