// The layers point one way (src/README.md): a file may import from its own layer and the ones
// below it, never above, and no chain of imports may come back to where it started. The core
// stays pure: no node: modules, no process, no colour.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = process.env.LAYERS_SRC ?? path.resolve(import.meta.dirname, '../src');
const LAYERS = ['core', 'rules', 'io', 'config', 'batch', 'cli'];
// index.ts is the public API: it stands above every layer and may reach any of them.
const layerOf = (file: string) => {
  const top = path.relative(src, file).split(path.sep)[0];
  return top === 'index.ts' ? LAYERS.length : LAYERS.indexOf(top);
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    // Ambient declarations (src/types/*.d.ts) import nothing and belong to no layer.
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
const files = walk(src);
const graph = new Map<string, string[]>();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) targets.push(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
    else targets.push(spec);
  }
  graph.set(file, targets);
}
const rel = (f: string) => path.relative(src, f);

describe('layers', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(graph.get(path.join(src, 'core/clean.ts'))).toContain(path.join(src, 'core/to-blocks.ts'));
    for (const f of files) expect(layerOf(f), rel(f)).toBeGreaterThanOrEqual(0);
  });

  it('no file imports from a layer above its own', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const t of targets) {
        if (!t.startsWith(src) || t.endsWith('.json')) continue;
        if (layerOf(t) > layerOf(file)) wrong.push(`${rel(file)} -> ${rel(t)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 1);
      stack.push(f);
      for (const t of graph.get(f) ?? []) {
        if (!graph.has(t)) continue;
        if (state.get(t) === 1) cycles.push([...stack.slice(stack.indexOf(t)), t].map(rel).join(' -> '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 2);
    };
    for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('the core is pure: no node: modules, no process, no colour', () => {
    const impure: string[] = [];
    for (const [file, targets] of graph) {
      if (layerOf(file) !== 0) continue;
      for (const t of targets) if (t.startsWith('node:') || t === 'chalk' || t === 'fs' || t === 'path') impure.push(`${rel(file)} imports ${t}`);
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/\bprocess\.|\bconsole\./.test(code)) impure.push(`${rel(file)} uses process or console`);
    }
    expect(impure).toEqual([]);
  });
});
