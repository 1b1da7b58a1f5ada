/**
 * What follows a statement's result, in the words of the client the session speaks as: psql's timing line
 * (the shell's screen adds the row count), sqlite3's `.timer` and `.changes` lines, the mysql client's -vv
 * row count; and the sqlite3 shell's width list, which a columnar result grows (`.show` lists it).
 */
import type { RenderedSummary } from './render-events.js';
import type { Session } from './session.js';
import { untraced } from '../meta/sqlite3-trace.js';

/** The process's CPU use at a statement's start, when sqlite3's .timer line will need it. */
export function statementCpu(session: Session): NodeJS.CpuUsage | undefined {
  return session.settings.timing && session.sqlite3Output ? process.cpuUsage() : undefined;
}

export async function afterStatement(session: Session, summary: RenderedSummary, ms: number, cpuStart: NodeJS.CpuUsage | undefined): Promise<void> {
  if (session.settings.timing) {
    if (cpuStart) {
      // sqlite3's .timer line: real seconds, then the process's user and system CPU seconds
      const cpu = process.cpuUsage(cpuStart);
      await session.io.stdout.write(`Run Time: real ${(ms / 1000).toFixed(3)} user ${(cpu.user / 1e6).toFixed(6)} sys ${(cpu.system / 1e6).toFixed(6)}\n`);
    } else if (!session.interactive) await session.io.stdout.write(`${psqlTiming(ms)}\n`); // a script's: psql's words on stdout
    else session.io.message(`Time: ${ms.toFixed(3)} ms${summary.resultSets ? ` (${summary.rowCount} row${summary.rowCount === 1 ? '' : 's'})` : ''}`);
  }
  if (session.sqlite3Output?.changes && session.dialect.id === 'sqlite') await writeSqlite3Changes(session);
  const mode = session.sqlite3Output?.mode;
  if ((mode === 'column' || mode === 'box' || mode === 'table' || mode === 'markdown') && summary.columns !== undefined) {
    session.sqlite3WidthCount = Math.max(session.sqlite3WidthCount, summary.columns);
  }
  if (session.mysqlVerbose >= 2 && session.mysqlClient) await session.io.stdout.write(mysqlOutcome(summary, session.mysqlVerbose >= 3 ? ms : undefined));
}

/** The mysql client's -vvv time: `0.012 sec`, from a minute on `1 min 2.345 sec`, `1 hour ...`, `2 days ...`. */
export function mysqlClientTime(ms: number): string {
  let sec = ms / 1000;
  let out = '';
  for (const [size, one, many] of [[86400, 'day', 'days'], [3600, 'hour', 'hours'], [60, 'min', 'min']] as const) {
    if (sec >= size) {
      const n = Math.floor(sec / size);
      sec -= n * size;
      out += `${n} ${n === 1 ? one : many} `;
    }
  }
  return `${out}${sec.toFixed(3)} sec`;
}

/**
 * The mysql client's -vv line after a statement: `2 rows in set` / `Empty set`, or `Query OK, 1 row affected` (and the
 * server's info), then a blank line; -vvv (`ms`) adds the time, `(0.001 sec)`.
 */
function mysqlOutcome(s: { readonly rowCount: number; readonly affected?: number; readonly resultSets: number; readonly warnings?: number; readonly info?: string }, ms?: number): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const warned = s.warnings ? `, ${plural(s.warnings, 'warning')}` : '';
  const time = ms !== undefined ? ` (${mysqlClientTime(ms)})` : '';
  if (s.resultSets > 0) return `${s.rowCount === 0 ? 'Empty set' : `${plural(s.rowCount, 'row')} in set`}${warned}${time}\n\n`;
  return `Query OK, ${plural(s.affected ?? 0, 'row')} affected${warned}${time}\n${s.info ? `${s.info}\n` : ''}\n`;
}

/** sqlite3's `.changes on` line after a statement: the rows it changed and the connection's total. */
async function writeSqlite3Changes(session: Session): Promise<void> {
  // (not in sqlite3's .trace: the sqlite3 shell asks SQLite without SQL)
  for await (const ev of untraced(session.connection).execute('select changes(), total_changes()', {})) {
    if (ev.type === 'rows' && ev.rows[0]) await session.io.stdout.write(`changes: ${String(ev.rows[0][0])}   total_changes: ${String(ev.rows[0][1])}\n`);
  }
}

/** psql's timing line: `Time: 12.345 ms`, from a second on with the clock time too (`Time: 61234.000 ms (01:01.234)`). */
export function psqlTiming(ms: number): string {
  if (ms < 1000) return `Time: ${ms.toFixed(3)} ms`;
  const seconds = ms / 1000;
  const minutes = Math.floor(seconds / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const secs = (x: number) => x.toFixed(3).padStart(6, '0');
  if (minutes < 60) return `Time: ${ms.toFixed(3)} ms (${pad(minutes)}:${secs(seconds - 60 * minutes)})`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `Time: ${ms.toFixed(3)} ms (${pad(hours)}:${pad(minutes - 60 * hours)}:${secs(seconds - 60 * minutes)})`;
  const days = Math.floor(hours / 24);
  return `Time: ${ms.toFixed(3)} ms (${days} d ${pad(hours - 24 * days)}:${pad(minutes - 60 * hours)}:${secs(seconds - 60 * minutes)})`;
}
