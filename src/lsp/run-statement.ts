/**
 * The `sqlsh.runStatement` command: run one statement on the server's connection and return its
 * result as the shell's table text (the same sink as the shell's aligned output, no colours), with
 * at most `maxRows` rows kept. A cancel ($/cancelRequest) aborts the statement on the server as
 * Ctrl-C does in the shell.
 */
import { CancelledError, SqlError, type Connection } from '../index.js';
import { createSink } from '../output/create-sink.js';

export interface RunResult {
  /** The result as the shell shows it (table text, notices, the status line). */
  readonly text: string;
  readonly rowCount: number;
  readonly command?: string;
  readonly truncated: boolean;
  readonly error?: { readonly message: string; readonly position?: number };
  readonly cancelled?: boolean;
}

export async function runStatement(conn: Connection, sql: string, signal: AbortSignal, maxRows = 500): Promise<RunResult> {
  let text = '';
  const out = { write: (s: string): void => void (text += s) };
  const sink = createSink(out, { format: 'table', tableStyle: 'psql', nullString: 'NULL', header: true, footer: true, color: false });
  let rows = 0;
  let kept = 0;
  let open = false;
  let command: string | undefined;
  let truncated = false;
  const started = Date.now();
  try {
    for await (const ev of conn.execute(sql, { signal })) {
      if (ev.type === 'columns') {
        if (open) await sink.end({ rowCount: kept });
        await sink.begin(ev.columns);
        open = true;
        kept = 0;
      } else if (ev.type === 'rows') {
        rows += ev.rows.length;
        const room = maxRows - kept;
        if (room > 0) {
          const batch = ev.rows.length > room ? ev.rows.slice(0, room) : ev.rows;
          kept += batch.length;
          await sink.rows(batch);
        }
        if (ev.rows.length > room) truncated = true;
      } else if (ev.type === 'notice') text += `${ev.severity ? `${ev.severity}: ` : ''}${ev.message}\n`;
      else if (ev.type === 'done') {
        command = ev.command;
        if (open) {
          await sink.end({ rowCount: kept, ...(ev.command ? { command: ev.command } : {}), elapsedMs: Date.now() - started });
          open = false;
        } else if (ev.command) text += `${ev.command}\n`;
      }
    }
    if (open) await sink.end({ rowCount: kept });
    if (truncated) text += `(${rows} rows; the first ${maxRows} shown)\n`;
    return { text, rowCount: rows, ...(command ? { command } : {}), truncated };
  } catch (e) {
    if (e instanceof CancelledError || signal.aborted) return { text: `${text}cancelled\n`, rowCount: rows, truncated, cancelled: true };
    if (e instanceof SqlError) {
      return { text: `${text}ERROR: ${e.message}\n`, rowCount: rows, truncated, error: { message: e.message, ...(e.position !== undefined ? { position: e.position } : {}) } };
    }
    throw e;
  }
}
