import type { RuleSpec } from './spec.js';
import { didYouMean } from './errors.js';
import legal from './presets/legal.json' with { type: 'json' };
import newsletter from './presets/newsletter.json' with { type: 'json' };
import promo from './presets/promo.json' with { type: 'json' };
import share from './presets/share.json' with { type: 'json' };
import related from './presets/related.json' with { type: 'json' };
import captions from './presets/captions.json' with { type: 'json' };
import cookies from './presets/cookies.json' with { type: 'json' };
import ads from './presets/ads.json' with { type: 'json' };
import meta from './presets/meta.json' with { type: 'json' };
import comments from './presets/comments.json' with { type: 'json' };
import recommended from './presets/recommended.json' with { type: 'json' };

/** A preset as shipped: a named config of rules, possibly extending other presets. */
export interface Preset {
  name: string;
  description: string;
  extends?: string[];
  rules: RuleSpec[];
}

// Imported rather than read from disk so the core stays free of fs and works in any bundler.
export const PRESETS: Readonly<Record<string, Preset>> = Object.fromEntries(
  [legal, newsletter, promo, share, related, captions, cookies, ads, meta, comments, recommended].map((p) => [p.name, p as Preset]),
);

export const PRESET_NAMES = Object.keys(PRESETS);

/** The message for an `extends` entry that names no preset, with the nearest name and the list. */
export const unknownPreset = (ref: string) => `unknown preset "${ref}"${didYouMean(ref, PRESET_NAMES)}; presets: ${PRESET_NAMES.join(', ')}`;
