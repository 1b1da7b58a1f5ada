#!/usr/bin/env node
// Tiny entry point: everything else is loaded on demand so start-up stays fast.
// First of all, passwords leave the process's visible arguments (ps, /proc/PID/cmdline): one small
// module before the program loads (src/cli/process-title.ts; main() finishes the job for -c SQL).
import('../dist/src/cli/process-title.js')
  .then((t) => t.hideUriPasswords(process.argv.slice(2)), () => undefined)
  .then(() => import('../dist/bundle/main.js'))
  .then((m) => m.main(process.argv.slice(2)))
  .then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  })
  .catch((err) => {
    // main() reports every failure itself; this is only reached when the program cannot load.
    const detail = process.env.SQLSH_DEBUG && err && err.stack ? `\n${err.stack}` : '';
    process.stderr.write(`sqlsh: internal error: ${err && err.message ? err.message.split('\n')[0] : err} (SQLSH_DEBUG=1 shows where)${detail}\n`);
    process.exitCode = 70;
  });
