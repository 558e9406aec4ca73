import type { ChalkInstance } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * The one place the colour decision is made, for stderr (stdout is data and never coloured).
 * chalk alone ignores NO_COLOR and sniffs process.argv, so its own detection is not used.
 * Order: --color/--no-color, then NO_COLOR (present and non-empty), then FORCE_COLOR, then
 * whether stderr is a terminal that is not TERM=dumb.
 */
export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): ColorLevel {
  const depth = (): ColorLevel => {
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
    if (/-256(color)?$/i.test(env.TERM ?? '')) return 2;
    return 1;
  };
  if (flag === false) return 0;
  if (flag === true) return Math.max(1, forced(env.FORCE_COLOR) ?? depth()) as ColorLevel;
  if (env.NO_COLOR) return 0;
  const force = forced(env.FORCE_COLOR);
  if (force !== undefined) return force;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return depth();
}

function forced(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return 1;
  if (value === 'false') return 0;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 3 ? (n as ColorLevel) : 1;
}

/** A chalk for stderr at the decided level; loaded on first use so --version does not pay for it. */
export async function makeChalk(level: ColorLevel): Promise<ChalkInstance> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}
