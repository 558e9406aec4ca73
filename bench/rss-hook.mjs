// Preloaded with `node --import` by bench/speed.mjs: reports the process's peak RSS (worker
// threads included: they share the process) to the file named by CLEAN_ARTICLE_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.CLEAN_ARTICLE_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
