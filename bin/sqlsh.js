#!/usr/bin/env node
'use strict';
// Tiny entry point, CommonJS (bin/package.json) like the bundle it loads (scripts/bundle.mjs).
// First of all, passwords leave the process's visible arguments (ps, /proc/PID/cmdline): one small
// module before the program loads (src/cli/process-title.ts; main() finishes the job for -c SQL).
// Then the program's own code starts from V8's code cache of earlier runs (src/cli/code-cache.ts).
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'bundle');
const argv = process.argv.slice(2);
try {
  require(join(bundle, 'process-title.js')).hideUriPasswords(argv);
} catch {
  // cosmetic here; main() tries again
}
try {
  const cache = require(join(bundle, 'code-cache.js'));
  cache.installCodeCache(bundle, process.env, cache.startKind(argv));
} catch {
  // only slower
}
const fail = (err) => {
  // main() reports every failure itself; this is only reached when the program cannot load.
  const detail = process.env.SQLSH_DEBUG && err && err.stack ? `\n${err.stack}` : '';
  process.stderr.write(`sqlsh: internal error: ${err && err.message ? err.message.split('\n')[0] : err} (SQLSH_DEBUG=1 shows where)${detail}\n`);
  process.exitCode = 70;
};
try {
  require(join(bundle, 'main.js'))
    .main(argv)
    .then((code) => {
      if (typeof code === 'number') process.exitCode = code;
    }, fail);
} catch (err) {
  fail(err);
}
