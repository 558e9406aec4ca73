#!/usr/bin/env node
// Thin shim: the CLI lives in dist/ (built by `npm run build`, which `npm ci` runs through `prepare`).
let run;
try {
  ({ run } = await import('../dist/cli/run.js'));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  process.stderr.write('clean-article: error: dist/ is missing (run npm run build, or npm ci)\n');
  process.exit(2);
}
// A reader that goes away (`clean-article big.txt | head`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = await run({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
