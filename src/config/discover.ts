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

/** The nearest config file at or above `dir`, or undefined. Results are cached per folder. */
export function findConfigFile(dir: string): string | undefined {
  const found = searcher.search(dir);
  return found?.filepath || undefined;
}
