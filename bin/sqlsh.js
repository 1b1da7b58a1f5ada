#!/usr/bin/env node
// Tiny entry point: everything else is loaded on demand so start-up stays fast.
import('../dist/bundle/main.js')
  .then((m) => m.main(process.argv.slice(2)))
  .then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`sqlsh: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  });
