import { z } from 'zod';
import { ConfigSchema } from './schema.js';

/** The JSON Schema editors use for `.clean-article.json|yaml` (`$schema` / yaml-language-server). */
export function jsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigSchema, { io: 'input' }),
    title: 'clean-article configuration',
  };
}
