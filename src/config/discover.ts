import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { lilconfigSync } from 'lilconfig';

export const SEARCH_PLACES = ['.clean-article.json', '.clean-article.yaml', '.clean-article.yml', 'package.json'];

// lilconfig only finds the file here (and skips package.json files without our key); the
// loader reads, parses and validates it so every config error is reported the same way.
const searcher = lilconfigSync('clean-article', {
  searchPlaces: SEARCH_PLACES,
  ignoreEmptySearchPlaces: false,
  stopDir: path.parse(process.cwd()).root,
  loaders: {
    '.json': (file: string, content: string) => {
      if (path.basename(file) !== 'package.json') return content;
      try {
        return JSON.parse(content);
      } catch {
        return {};
      }
    },
    '.yaml': (_file: string, content: string) => content,
    '.yml': (_file: string, content: string) => content,
  },
});

/**
 * The nearest config file at or above `dir`, or undefined. Results are cached per folder. When
 * the search trips over a place it cannot read (a folder named `.clean-article.yaml`, a config
 * without read permission), that place is returned: loading it then fails as a config error
 * naming the path, instead of the search failing with no name at all.
 */
export function findConfigFile(dir: string): string | undefined {
  try {
    return searcher.search(dir)?.filepath || undefined;
  } catch (err) {
    const blocked = unreadablePlace(dir);
    if (blocked) return blocked;
    throw err;
  }
}

function unreadablePlace(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    for (const name of SEARCH_PLACES) {
      const p = path.join(at, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (!st.isFile()) return p;
      try {
        accessSync(p, constants.R_OK);
      } catch {
        return p;
      }
    }
    if (path.dirname(at) === at) return undefined;
  }
}
