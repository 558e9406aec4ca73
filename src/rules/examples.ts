import type { RuleOf } from './spec.js';
import { cleanWith } from '../core/clean.js';
import { render } from '../core/render.js';

export interface ExampleFailure {
  rule: string;
  index: number;
  message: string;
}

/**
 * Run a rule's own examples against the rule alone. An example says either whether the rule
 * removes something from `input` (`removed`), or what the input becomes (`output`).
 */
export function checkExamples(rule: RuleOf): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const options = { rules: [rule], repeated: { enabled: false, minChars: 0 }, guard: { maxRemovedShare: 1 } };
  (rule.spec.examples ?? []).forEach((ex, index) => {
    const result = cleanWith(ex.input, options);
    const fired = result.removed.some((r) => r.rule === rule.id);
    if (ex.removed !== undefined && fired !== ex.removed) {
      failures.push({
        rule: rule.id,
        index,
        message: ex.removed
          ? `expected the rule to remove something from ${JSON.stringify(ex.input)}, but it removed nothing`
          : `expected the rule to keep ${JSON.stringify(ex.input)}, but it removed ${JSON.stringify(result.removed[0]?.text)}`,
      });
    }
    if (ex.output !== undefined) {
      const want = render(ex.output.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
      if (result.text !== want) {
        failures.push({ rule: rule.id, index, message: `expected output ${JSON.stringify(want)}, got ${JSON.stringify(result.text)}` });
      }
    }
  });
  return failures;
}
