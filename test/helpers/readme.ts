import { readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export interface Fence {
  /** The words after the backticks: `sh runnable` is language `sh` with the tag `runnable`. */
  lang: string;
  tags: string[];
  body: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** Every fenced code block of the README, with its info string split into language and tags. */
export function readmeFences(file = path.join(root, 'README.md')): Fence[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]);
    fences.push({ lang: open[1], tags: open[2].trim().split(/\s+/).filter(Boolean), body: body.join('\n') + '\n', line: start + 1 });
  }
  return fences;
}

/** The commands of a shell block: one a line, comments and blank lines left out. */
export function commands(body: string): string[] {
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
