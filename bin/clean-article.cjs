#!/usr/bin/env node
'use strict';
// Thin shim: the CLI lives in dist/cli-bundle (built by `npm run build`, which `npm ci` runs
// through `prepare`), CommonJS so that start-up skips the ESM loader.
let run;
try {
  ({ run } = require('../dist/cli-bundle/run.js'));
} catch (err) {
  if (err?.code !== 'MODULE_NOT_FOUND' || !String(err.message).includes('cli-bundle')) throw err;
  process.stderr.write('clean-article: error: dist/ is missing (run npm run build, or npm ci)\n');
  process.exit(2);
}
// A reader that goes away (`clean-article big.txt | head`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
run({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
