/**
 * Put the terminal back in its normal state (cooked mode, cursor shown, bracketed paste off) on
 * every way out of the process: normal exit, SIGTERM/SIGHUP/SIGINT while raw, uncaught exceptions.
 */
export interface RestoreTarget {
  restoreTerminal(): void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

/** Restore stdin/`output` directly (for callers without an editor at hand). */
function streamTarget(output: NodeJS.WriteStream, input: NodeJS.ReadStream = process.stdin): RestoreTarget {
  return {
    restoreTerminal() {
      if (input.isTTY && input.isRaw) input.setRawMode(false);
      if (output.isTTY && output.writable) output.write(RESTORE_SEQUENCE);
    },
  };
}

/**
 * Install the handlers; returns a function that removes them. Signals are re-raised after restoring.
 * `target` is an editor (LineEditor) or the output stream of the terminal (stdin is then the input).
 */
export function installTerminalRestore(t: RestoreTarget | NodeJS.WriteStream = process.stdout): () => void {
  const target = 'restoreTerminal' in t ? t : streamTarget(t);
  const onExit = (): void => target.restoreTerminal();
  const onSignal = (sig: NodeJS.Signals): void => {
    target.restoreTerminal();
    uninstall();
    // Only re-raise when no one else handles the signal, to keep its default effect (exit).
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  process.on('exit', onExit);
  process.on('uncaughtExceptionMonitor', onExit);
  for (const s of SIGNALS) process.on(s, onSignal);
  function uninstall(): void {
    process.off('exit', onExit);
    process.off('uncaughtExceptionMonitor', onExit);
    for (const s of SIGNALS) process.off(s, onSignal);
  }
  return uninstall;
}

/** The escape sequences that undo what the editor turns on. */
export const RESTORE_SEQUENCE = '\x1b[?2004l\x1b[?25h\x1b[0m';
