/**
 * The terminal between two reads, while a statement runs: quiet and keeping type-ahead.
 *
 * Between reads the editor hands the terminal back in cooked mode, so Ctrl-C reaches the shell as
 * SIGINT and cancels the statement. Plain cooked mode echoes every key typed meanwhile over the
 * output (`select 1;` and `^C` in the middle of a result) and the kernel throws the typed keys away
 * when Ctrl-C is pressed. Readline-based shells keep the keys as type-ahead; so do we, with the
 * terminal's own flags: no echo (-echo), keys passed on as typed (-icanon -icrnl, so Enter stays a
 * carriage return for the editor), and no flush of the input queue on a signal (noflsh). ISIG
 * stays on, so Ctrl-C still sends SIGINT. The next read() switches to raw mode and reads the keys
 * that waited in the queue.
 *
 * Node can only switch a terminal between raw and "as it was", so the flags are set once with stty:
 * libuv saves the terminal state when raw mode starts and restores it when raw mode ends, so from
 * then on every end of raw mode comes back to this quiet state. Node restores the terminal as it
 * found it when the process exits (also on a crash or a signal).
 */
import { spawnSync } from 'node:child_process';

const QUIET = ['-echo', '-icanon', '-icrnl', 'noflsh'];

let quieted = false;
/** The terminal's settings before (stty -g), to hand a child program the terminal as it was. */
let original: string | undefined;
let ttyFd = 0;

function stty(args: readonly string[]): string | undefined {
  const r = spawnSync('stty', [...args], { stdio: [ttyFd, 'pipe', 'ignore'], encoding: 'utf8', timeout: 2000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Set the quiet cooked mode on the terminal `input` reads from (once; cheap afterwards). */
export function quietCookedMode(input: NodeJS.ReadStream): void {
  if (quieted || !input.isTTY || input.isRaw || process.platform === 'win32') return;
  quieted = true;
  ttyFd = (input as NodeJS.ReadStream & { fd?: number }).fd ?? 0;
  // One process: save the settings, then quiet them. A failure (no stty) leaves the terminal as it was.
  const r = spawnSync('sh', ['-c', `stty -g && stty ${QUIET.join(' ')}`], { stdio: [ttyFd, 'pipe', 'ignore'], encoding: 'utf8', timeout: 2000 });
  original = r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/**
 * Run `f` (which starts a program on the terminal: $EDITOR) with the terminal's settings as they
 * were before quieting (echo, line editing), and quiet it again afterwards. Outside raw mode only.
 */
export function withOriginalTerminal<T>(f: () => T): T {
  if (!quieted || original === undefined) return f();
  stty([original]);
  try {
    return f();
  } finally {
    stty(QUIET);
  }
}

/**
 * Hand the terminal to a program for `f` (\e's editor, \!'s command, \prompt's question): out of the
 * line editor's raw mode if it was in it, with the settings as they were before quieting; back after.
 */
export function withTerminalForChild<T>(f: () => T): T {
  const stdin = process.stdin as NodeJS.ReadStream;
  const wasRaw = stdin.isTTY ? stdin.isRaw : false;
  try {
    if (wasRaw) stdin.setRawMode(false);
    return withOriginalTerminal(f);
  } finally {
    if (wasRaw) stdin.setRawMode(true);
  }
}
