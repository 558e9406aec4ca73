#!/usr/bin/env node
// Writes schema/clean-article.schema.json from the zod schema the loader validates with, so the
// editor's checks and the tool's checks cannot drift apart (test/config.test.ts compares them).
import { writeFileSync } from 'node:fs';
import { jsonSchema } from '../dist/rules/json-schema.js';

const out = new URL('../schema/clean-article.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(jsonSchema(), null, 2) + '\n');
console.error(`wrote ${out.pathname}`);
