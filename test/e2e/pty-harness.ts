/**
 * Drive a program in a pseudo-terminal and read the screen back like a person would: the pty's
 * output is fed to a headless xterm, and tests ask for the screen text, cell colours, the cursor.
 *
 *   const t = PtySession.spawn(process.execPath, ['dist/test/e2e/fixtures/editor-demo.js']);
 *   await t.waitForText(/demo>/);
 *   t.type('select 1;'); t.press('enter');
 *   await t.waitForText(/SUBMITTED/);
 *   t.kill();
 */
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { eastAsianWidth } from 'get-east-asian-width';

const { Terminal } = xterm;
type XTerminal = InstanceType<typeof Terminal>;

export interface SpawnOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

export interface CellAttributes {
  readonly char: string;
  /** Foreground: 'default', a palette index (0-255) or an RGB number. */
  readonly fg: 'default' | number;
  readonly fgMode: 'default' | 'palette' | 'rgb';
  readonly bg: 'default' | number;
  readonly bold: boolean;
  readonly underline: boolean;
  readonly inverse: boolean;
  readonly dim: boolean;
}

const KEYS: Readonly<Record<string, string>> = {
  enter: '\r', tab: '\t', 's-tab': '\x1b[Z', escape: '\x1b', backspace: '\x7f', delete: '\x1b[3~',
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', home: '\x1b[H', end: '\x1b[F',
  pageup: '\x1b[5~', pagedown: '\x1b[6~', 'm-enter': '\x1b\r', f1: '\x1bOP', f2: '\x1bOQ', f3: '\x1bOR', f4: '\x1bOS', f5: '\x1b[15~',
};

/** The bytes a terminal sends for a key name: 'enter', 'up', 'c-r', 'm-b', 'f2', ... */
export function keyBytes(name: string): string {
  const k = KEYS[name];
  if (k) return k;
  const ctrl = /^c-([a-z])$/.exec(name);
  if (ctrl) return String.fromCharCode(ctrl[1]!.charCodeAt(0) - 96);
  const meta = /^m-(.)$/.exec(name);
  if (meta) return '\x1b' + meta[1];
  throw new Error(`unknown key name '${name}': use enter, tab, up, c-a, m-b, f1...`);
}

/**
 * xterm.js measures characters with Unicode 6 tables by default, where most emoji are one cell
 * wide; terminals people use today (VTE, kitty, iTerm2, Windows Terminal, VS Code) draw them two
 * cells wide. Teach the headless terminal the modern widths (East Asian Width, as
 * get-east-asian-width reports it; combining marks, zero-width spaces and variation selectors take
 * no cell) before any output arrives, so every test sees what a person would.
 */
export function useModernWidths(term: XTerminal): void {
  const zero = (cp: number): boolean =>
    (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x20e3;
  const wcwidth = (cp: number): 0 | 1 | 2 => (cp < 0x20 ? 0 : zero(cp) ? 0 : eastAsianWidth(cp) === 2 ? 2 : 1);
  term.unicode.register({ version: 'modern-test', wcwidth, charProperties: (cp: number) => wcwidth(cp) << 1 });
  term.unicode.activeVersion = 'modern-test';
}

export class PtySession {
  readonly term: XTerminal;
  readonly pty: IPty;
  /** Everything the program wrote, raw. */
  output = '';
  exitCode: number | undefined;
  private readonly exited: Promise<number>;

  private constructor(pty: IPty, term: XTerminal) {
    this.pty = pty;
    this.term = term;
    pty.onData((d) => {
      this.output += d;
      term.write(d);
    });
    // Replies of the emulator (cursor position reports, device attributes) go back to the program.
    term.onData((d) => {
      if (this.exitCode === undefined) pty.write(d);
    });
    this.exited = new Promise((resolve) => pty.onExit(({ exitCode }) => {
      this.exitCode = exitCode;
      resolve(exitCode);
    }));
  }

  static spawn(file: string, args: readonly string[], opts: SpawnOptions = {}): PtySession {
    const cols = opts.cols ?? 100;
    const rows = opts.rows ?? 30;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...opts.env })) if (v !== undefined) env[k] = v;
    // The program runs in a terminal, as a person's would: not in CI. (Node's getColorDepth() reports a
    // 2-colour terminal whenever CI is set, and the tests run under CI=true.)
    for (const k of ['NO_COLOR', 'CI']) {
      delete env[k];
      if (opts.env?.[k] !== undefined) env[k] = opts.env[k]!;
    }
    const pty = spawn(file, [...args], { name: 'xterm-256color', cols, rows, cwd: opts.cwd ?? process.cwd(), env });
    const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
    useModernWidths(term);
    return new PtySession(pty, term);
  }

  type(text: string): void {
    this.pty.write(text);
  }

  press(...keys: string[]): void {
    for (const k of keys) this.pty.write(keyBytes(k));
  }

  /** Send text as a bracketed paste. */
  paste(text: string): void {
    this.pty.write(`\x1b[200~${text}\x1b[201~`);
  }

  /** Wait until the emulator has parsed everything received so far. */
  settle(): Promise<void> {
    return new Promise((resolve) => this.term.write('', resolve));
  }

  /** The visible screen, one line per row, trailing spaces trimmed. */
  screenText(): string {
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let r = 0; r < this.term.rows; r++) lines.push(b.getLine(b.viewportY + r)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  line(row: number): string {
    const b = this.term.buffer.active;
    return b.getLine(b.viewportY + row)?.translateToString(true) ?? '';
  }

  /** Poll the screen until it matches; throws with the screen in the message on timeout. */
  async waitForText(re: RegExp, timeoutMs = 5000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.settle();
      const m = this.screenText().match(re);
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${re}; screen:\n${this.screenText()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Poll until `check` holds (after the emulator settled); throws with `what` and the screen on timeout. */
  async until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.settle();
      if (check()) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${this.screenText()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Screen row (0-based, viewport) of the first line matching. */
  async rowOf(re: RegExp): Promise<number> {
    await this.settle();
    const rows = this.screenText().split('\n');
    const i = rows.findIndex((l) => re.test(l));
    if (i < 0) throw new Error(`no row matches ${re}; screen:\n${this.screenText()}`);
    return i;
  }

  cellAttributes(row: number, col: number): CellAttributes {
    const b = this.term.buffer.active;
    const cell = b.getLine(b.viewportY + row)?.getCell(col);
    if (!cell) throw new Error(`no cell at row ${row}, col ${col}`);
    const fgMode = cell.isFgDefault() ? 'default' : cell.isFgPalette() ? 'palette' : 'rgb';
    return {
      char: cell.getChars(),
      fg: cell.isFgDefault() ? 'default' : cell.getFgColor(),
      fgMode,
      bg: cell.isBgDefault() ? 'default' : cell.getBgColor(),
      bold: cell.isBold() !== 0,
      underline: cell.isUnderline() !== 0,
      inverse: cell.isInverse() !== 0,
      dim: cell.isDim() !== 0,
    };
  }

  /** Cursor position on the visible screen. */
  cursor(): { row: number; col: number } {
    const b = this.term.buffer.active;
    return { row: b.cursorY + b.baseY - b.viewportY, col: b.cursorX };
  }

  /** True when the program hid the cursor and has not shown it again. */
  cursorHidden(): boolean {
    const core = (this.term as unknown as { _core?: { coreService?: { isCursorHidden?: boolean } } })._core;
    return core?.coreService?.isCursorHidden === true;
  }

  resize(cols: number, rows: number): void {
    this.pty.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  waitForExit(timeoutMs = 5000): Promise<number> {
    return Promise.race([
      this.exited,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`process did not exit in ${timeoutMs} ms; screen:\n${this.screenText()}`)), timeoutMs).unref()),
    ]);
  }

  kill(): void {
    if (this.exitCode === undefined) {
      try {
        this.pty.kill();
      } catch {
        // already gone
      }
    }
    this.term.dispose();
  }

  /**
   * Hang up (SIGHUP, as a closed terminal does) and wait until the program has exited; a program
   * still running after `graceMs` gets SIGKILL. Resolves once it is gone.
   */
  async killAndWait(graceMs = 15_000): Promise<void> {
    if (this.exitCode === undefined) {
      this.kill();
      const late = setTimeout(() => {
        try {
          this.pty.kill('SIGKILL');
        } catch {
          // already gone
        }
      }, graceMs);
      await this.exited;
      clearTimeout(late);
    } else {
      this.term.dispose();
    }
  }
}
