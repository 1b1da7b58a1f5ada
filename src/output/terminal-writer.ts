/**
 * The terminal writer: the one way text reaches the screen (stdout or stderr) outside the result
 * sinks. It takes only TerminalText (terminal-text.ts), so text from outside is escaped before it
 * gets here; `line()` takes plain text (a message, an error, a notice, the banner) and escapes it
 * all, keeping line breaks. The program's own styling is added by the caller after escaping.
 *
 * The same writer is used when the stream is a file or a pipe (scripts): messages are for people,
 * and escaping a control character there costs nothing.
 */
import { safeLines, type TerminalText } from './terminal-text.js';

type OutStream = NodeJS.WritableStream & { columns?: number; isTTY?: boolean };

export interface TerminalWriter {
  /** Writes text already made safe (escaped data, the program's own styling). */
  write(text: TerminalText): void;
  /** Writes plain text from anywhere and a line break: everything unsafe but '\n' is escaped. */
  line(plain: string): void;
  readonly isTTY: boolean;
  readonly columns: number | undefined;
}

export function terminalWriter(stream: OutStream): TerminalWriter {
  return {
    write(text: TerminalText): void {
      if (text !== '') stream.write(text);
    },
    line(plain: string): void {
      stream.write(safeLines(`${plain}\n`));
    },
    get isTTY(): boolean {
      return stream.isTTY === true;
    },
    get columns(): number | undefined {
      return stream.isTTY ? stream.columns : undefined;
    },
  };
}

let stdoutWriter: TerminalWriter | undefined;
let stderrWriter: TerminalWriter | undefined;

/** The writer over process.stdout (made on first use). */
export function stdoutTerminal(): TerminalWriter {
  return (stdoutWriter ??= terminalWriter(process.stdout));
}

/** The writer over process.stderr (made on first use). */
export function stderrTerminal(): TerminalWriter {
  return (stderrWriter ??= terminalWriter(process.stderr));
}
