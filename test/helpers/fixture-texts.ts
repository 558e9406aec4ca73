import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every .txt file below `dir` (inputs, expected outputs, configs' samples): text to run checks on. */
export function fixtureTexts(dir = path.resolve(__dirname, '../../fixtures')): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...fixtureTexts(p));
    else if (e.endsWith('.txt')) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}
