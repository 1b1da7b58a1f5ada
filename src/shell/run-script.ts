/**
 * Runs a piece of input (what the user submitted, a -c string, a file) statement by statement:
 * split → classify → confirm if destructive → execute → render. Meta-commands go to src/meta.
 */
import { afterStatement as afterTransactionStep, beforeStatement, noTransactionSteps } from './psql-transaction.js';
import { splitLazily, splitStatements, unterminatedWhat, type SplitOptions, type Statement } from '../sql/splitter.js';
import { classifyStatement } from '../sql/classify.js';
import { CancelledError, ConnectionLostError, NotConnectedError, SqlError, UsageError } from '../core/errors.js';
import { formatNotice, formatSqlError, sqlite3ErrorText } from '../output/error-format.js';
import { errorStyle } from './error-style.js';
import { specialSetting } from '../sql/special-variables.js';
import type { QueryRows } from '../meta/meta-command.js';
import { allButLastResult, lastResultOnly } from './result-selection.js';
import { escapeForTerminal } from '../output/escape.js';
import { withNumericLocale } from '../output/numeric-locale.js';
import { loadDisplayWidth } from '../output/display-width.js';
import { renderEvents, statusLine, type RenderHooks } from './render-events.js';
import { CursorStatementError, isSelectCommand, renderThroughCursor } from './psql-cursor.js';
import { afterStatement, statementCpu } from './after-statement.js';
export { psqlTiming } from './after-statement.js';
import { keepingLastResult } from '../core/last-result.js';
import { pageText, terminalPager } from './paging-output.js';
import type { Session } from './session.js';
import type { StatementRunner } from '../meta/meta-command.js';
import { interpolateArgText, interpolateSql, quotingFor } from '../sql/interpolate.js';
import { lexChangesFor, lexSettingQuery, lexSettingReported, mayChangeLexing } from '../sql/session-lex.js';
import { psqlEchoLines, psqlQueryText, type PsqlQueryText } from '../sql/psql-query-text.js';
import { copyStdioDirection } from '../sql/copy-statement.js';
import { COPY_META_FROM_STDIN, InlineCopyData, inlineData } from '../sql/copy-inline-data.js';
import type { PsqlQueryText as Buffered } from '../sql/psql-query-text.js';
import { afterLeadingComments, leadingWord, lex } from '../sql/lexer.js';
import { mysqlClientText } from '../sql/mysql-client-text.js';
import { mysqlClientCommand } from '../sql/mysql-client-command.js';
import { mysqlClientErrorLine } from '../meta/mysql-client-error.js';
import { SANDBOX_REFUSAL } from '../meta/sandbox.js';
import { readsLocalFile } from '../sql/mysql-local-infile.js';
import type { LexOptions } from '../sql/dialect.js';
import { afterFailure, afterSuccess, variableFlag } from '../sql/variables.js';
import { CONDITIONAL_COMMANDS, isActive } from '../meta/conditional-stack.js';
import { queryInto, queryRows } from './query-rows.js';
import { nowMs } from '../core/now-ms.js';
import type { ExecuteOptions, ManyResult, ManyStatus } from '../engines/engine.js';
import type { ResultEvent } from '../core/result.js';
import type { TextOutput } from '../output/sink.js';
import { sqlite3StatementStart, sqliteExplainKind } from '../sql/sqlite3-statement-text.js';
import { SQLITE3_DEFAULT } from '../output/sqlite3-sink.js';

export interface RunOptions {
  /** File name for messages ('migrate.sql'), or a label like '-c 1'. */
  readonly source?: string;
  /** 1-based line in the file where this text starts. */
  readonly firstLine?: number;
  readonly signal?: AbortSignal;
  /** Stop at the first failure (scripts without --continue-on-error). */
  readonly stopOnError: boolean;
  /** Ask before destructive statements. */
  readonly confirmDestructive: boolean;
  /** How deep \\i files are nested. */
  readonly includeDepth?: number;
  /** --dry-run: every change runs in a transaction rolled back at the end; what it did is printed. */
  readonly dryRun?: boolean;
  /**
   * psql's -c: on PostgreSQL a string of several statements and no backslash command goes to the
   * server as it is, in one request (one implicit transaction, every result shown), as psql sends it.
   */
  readonly wholeRequest?: boolean;
  /** sqlite3's command line (its SQL and dot-command arguments, -cmd): their text is not echoed, as sqlite3 does not. */
  readonly unechoed?: boolean;
  /**
   * More of the script follows this text (runScriptInput), read with this (undefined: the end): what ends
   * the input (psql's buffer sent, the unclosed \\if said) waits for the last piece, and a COPY's inline
   * data is read on from it as it is sent.
   */
  readonly more?: () => Promise<string | undefined>;
  /** The \\if depth where the script began (its first piece's), for the unclosed-\\if check. */
  readonly conditionalDepth?: number;
  /** What the piece before left to this one (RunResult.rest). */
  readonly resume?: ScriptState;
}

/** What one piece of a script leaves to the next (runScriptInput): psql's buffer, the mysql client's statement being typed, echoed input. */
export interface ScriptState {
  readonly carry?: { readonly buffer: Buffered; readonly line: number };
  readonly clientKept?: string;
  readonly clientKeptLine: number;
  /** Characters at the start of the next piece already echoed (ECHO all). */
  readonly echoed: number;
}

/** The runner meta-commands get through their context (meta/ does not import shell/). */
function runnerFor(session: Session): StatementRunner {
  return {
    runScript: (text, opts) => runScript(session, text, opts),
    runScriptInput: (input, opts) => runScriptInput(session, input, opts),
    runStatement: (sql, opts) => runStatement(session, sql, opts),
    page: (text, fallback) => pageText(session, text, fallback),
    queryRows: (sql, opts) => queryRows(session, sql, opts),
    queryInto: (sql, opts, sink) => queryInto(session, sql, opts, sink),
  };
}

export interface RunResult {
  readonly ok: boolean;
  readonly quit: boolean;
  /** Cancelled by the user (Ctrl-C). */
  readonly cancelled?: boolean;
  /** It stopped at a failure (ON_ERROR_STOP, or the command line's stop at the first error). */
  readonly stopped?: boolean;
  /**
   * With RunOptions.more: where the text not yet run begins (a statement or command whose end was not read
   * yet, or the end), its line, and what the next piece takes over.
   */
  readonly rest?: { readonly text: string; readonly line: number; readonly resume: ScriptState; /** false: nothing of the text ran (read more first) */ readonly progressed: boolean };
}

/** psql's empty query buffer. */
const NOTHING_BUFFERED: PsqlQueryText = Object.freeze({ text: '', start: -1, hasSql: false, joined: false });

export async function runScript(session: Session, input: string, opts: RunOptions): Promise<RunResult> {
  // the mysql client reads a script line by line and drops the \r of each \r\n line end (it has no
  // --binary-mode here): a CRLF script's strings and stored trigger and routine bodies reach the server with \n
  if (session.dialect.id === 'mysql' && !session.interactive && input.includes('\r\n')) input = input.replaceAll('\r\n', '\n');
  let ok = true;
  // psql's ON_ERROR_STOP, when the script sets it, decides; else the command line (--continue-on-error).
  // A sqlite3 script (a file or stdin with its dot-commands, or under its command line) goes on past a failed
  // statement as sqlite3 does with such input, unless .bail on (ON_ERROR_STOP) stops it; its SQL arguments do not.
  const sqlite3Script = (): boolean => session.sqlite3Output !== undefined && !session.interactive && opts.source !== undefined;
  const stopOnError = (): boolean => variableFlag(session.variables, 'ON_ERROR_STOP') ?? (sqlite3Script() ? false : opts.stopOnError);
  const depthAtStart = opts.conditionalDepth ?? session.conditionals.length;
  if (opts.wholeRequest && !opts.dryRun && session.dialect.id === 'postgres' && isOneRequest(input, session.lex)) {
    if (echoMode(session) === 'all') await session.io.stdout.write(`${input}\n`);
    const r = await runStatement(session, interpolate(session, input), { ...opts, line: opts.firstLine ?? 1, asSent: true, simpleQuery: true });
    return r === 'cancelled' ? { ok: false, quit: false, cancelled: true } : { ok: r, quit: false };
  }
  // Where the text still to split starts: after a COPY ... FROM STDIN's inline data the rest is split again.
  let offset = 0;
  let offsetLine = opts.firstLine ?? 1;
  // PostgreSQL: what psql would hold in its query buffer, and sends as it is (src/sql/psql-query-text.ts).
  // SQL left before a backslash command that did not take it stays there for the next line, as in psql.
  const psqlBuffer = session.dialect.id === 'postgres';
  let carry: { readonly buffer: PsqlQueryText; readonly line: number } | undefined = opts.resume?.carry;
  // the statement the lane gave back to be run the ordinary way; laneBroken: the engine cannot run many
  let laneSkip: Statement | undefined;
  let laneBroken = false;
  // the mysql client's statement being typed, kept by one of its commands that leaves it open (\\p, \\W ...)
  let clientKept: string | undefined = opts.resume?.clientKept;
  let clientKeptLine = opts.resume?.clientKeptLine ?? 0;
  // psql's ECHO=all in a script: each input line as it is read, before what is on it runs (offset in `input`)
  let echoedTo = opts.resume?.echoed ?? 0;
  const echoLinesTo = async (end: number): Promise<void> => {
    if (end <= echoedTo) return;
    const nl = input.indexOf('\n', end - 1);
    const to = nl < 0 ? input.length : nl + 1;
    if (!session.interactive && !opts.unechoed && echoMode(session) === 'all') await session.io.stdout.write(psqlEchoLines(input, echoedTo, to, session.lex));
    echoedTo = to;
  };
  restart: for (;;) {
  const text = offset === 0 ? input : input.slice(offset);
  const splitOptions = scriptSplitOptions(session);
  // the line of an offset in `text`, counted on from the last one asked (they mostly grow: linear in the text)
  let lineMark = 0;
  let lineMarkLine = 1;
  const lineAt = (at: number): number => {
    if (at < lineMark) [lineMark, lineMarkLine] = [0, 1];
    for (let i = text.indexOf('\n', lineMark); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) lineMarkLine++;
    lineMark = at;
    return lineMarkLine;
  };
  // A sqlite3 script (one with a dot-command anywhere) writes all its results as sqlite3 does, from its first line
  // (one is at the start of a line: a text without such a line is not split for it)
  if (offset === 0 && session.dialect.id === 'sqlite' && !session.interactive && session.sqlite3Output === undefined && /(?:^|[\n\r])\.[a-z]/i.test(text)
    && splitStatements(text, session.lex, splitOptions).some((st) => st.kind === 'meta' && /^\.[a-z]/i.test(st.text))) session.sqlite3Output = SQLITE3_DEFAULT;
  // one statement at a time: after a COPY's inline data (or a setting that changes lexing) the rest is split
  // again from there, and what lies after that point has not been split for nothing (linear in the script)
  const source = splitLazily(text, session.lex, splitOptions);
  // statements taken from the splitter for the lane and given back (last first)
  const back: Statement[] = [];
  const nextStatement = (): Statement | undefined => {
    if (back.length > 0) return back.pop();
    const r = source.next();
    return r.done ? undefined : r.value;
  };
  // the statements the loop would only run, many to the engine at a time (Connection.executeMany)
  const laneItem = (s: Statement): LaneItem | undefined => {
    if (s.kind !== 'sql' || !s.complete || s.openToken || s.terminator !== ';' || s.inlineCommands?.length || s.text === '') return undefined;
    if (session.dialect.id === 'mysql' || !isActive(session.conditionals)) return undefined; // (the client's buffer and commands)
    let text0 = s.text;
    let line = offsetLine + s.line - 1;
    if (psqlBuffer) {
      // what psql sends from its query buffer, at the line of its terminator (as the ordinary way below)
      if (carry) return undefined;
      const buffer = psqlQueryText(text, s.segmentStart, s.segmentEnd, session.lex, undefined);
      if (buffer.joined || !buffer.hasSql) return undefined;
      text0 = buffer.text;
      line += newlinesIn(text, s.start, s.segmentEnd - 1);
    }
    const sql = interpolate(session, text0);
    if (!returnsNoRows(sql, session.lex) || mayChangeLexing(session.dialect.id, sql)) return undefined;
    // (sqlite3 hands SQLite the text up to the `;`, as below)
    const send = session.dialect.id === 'sqlite' && sql === s.text ? text.slice(s.start, s.segmentEnd - 1) : sql;
    return { sql, send, line, statement: s, interpolated: sql !== text0 };
  };
  // with more to come: the text from where a statement or command has not all been read yet is the next piece's
  const rest = (at: number): RunResult => ({
    ok,
    quit: false,
    rest: {
      text: text.slice(at),
      line: offsetLine + lineAt(at) - 1,
      resume: { ...(carry ? { carry } : {}), ...(clientKept !== undefined ? { clientKept } : {}), clientKeptLine, echoed: Math.max(0, echoedTo - offset - at) },
      progressed: offset + at > 0,
    },
  });
  /**
   * A COPY ... FROM STDIN (or psql's \\copy ... from stdin) at `at`: the lines after it up to `\\.` are its data
   * once the server takes them, sent as they are read when the script is read as it runs; a COPY that failed
   * first took none of them: they are read as SQL, as psql reads them. undefined: go on splitting from where
   * it left (offset moved); else how the script ends.
   */
  const copyInline = async (
    at: number,
    run: (data: string | AsyncIterable<string>, onCopyIn: () => void, copyEndLine: number | (() => number)) => Promise<boolean | 'cancelled' | 'quit'>,
  ): Promise<RunResult | undefined> => {
    const data = inlineData(text, at);
    let taken = false;
    const onCopyIn = (): void => void (taken = true);
    const outcome = (r: boolean | 'cancelled' | 'quit'): RunResult | undefined => {
      if (r === 'quit') return { ok, quit: true };
      if (r === 'cancelled') return { ok: false, quit: false, cancelled: true };
      if (!r) {
        ok = false;
        if (stopOnError()) return { ok, quit: false, stopped: true };
      }
      return undefined;
    };
    if (opts.more && !data.terminated) {
      // the script is read as it runs and the data goes on past what was read: it is sent as it is read
      const stream = new InlineCopyData(text, at, opts.more);
      const copyLine = offsetLine + lineAt(at) - 1;
      const r = await run(stream.data(), onCopyIn, () => copyLine + stream.linesRead);
      if (taken) {
        const { rest: after, newlines } = await stream.finish();
        // (psql reads COPY's data lines itself: they are not echoed)
        return outcome(r) ?? { ok, quit: false, rest: { text: after, line: copyLine + newlines + 1, resume: { clientKeptLine, echoed: 0 }, progressed: true } };
      }
      const end = outcome(r);
      if (end) return end;
      offsetLine += lineAt(at) - 1;
      offset += at;
      return undefined;
    }
    const r = await run(data.data, onCopyIn, offsetLine + lineOfOffset(text, Math.max(at, data.end - 1)) - 1);
    const end = taken ? data.end : at;
    offsetLine += lineOfOffset(text, end) - 1;
    offset += end;
    if (taken) echoedTo = Math.max(echoedTo, offset); // psql reads COPY's data lines itself: they are not echoed
    return outcome(r);
  };
  for (let st = nextStatement(); st !== undefined; st = nextStatement()) {
    if (opts.signal?.aborted) return { ok: false, quit: false, cancelled: true };
    if (session.unconnected && opts.source !== undefined && offsetLine + lineAt(Math.max(st.segmentStart, st.segmentEnd - 1)) - 1 > 1) {
      // psql reads the first line of a script it starts without a connection (a failed \\connect before), then ends it: 2
      session.exitStatus = 2;
      return { ok: false, quit: true };
    }
    // (psql's ECHO all writes a line as it is read, before what is on it runs: the line must be whole)
    if (opts.more && (unfinished(st, text, session) || (echoMode(session) === 'all' && text.indexOf('\n', st.segmentEnd - 1) < 0))) return rest(st.segmentStart);
    const first = st !== laneSkip && !laneBroken && laneOpen(session, opts) ? laneItem(st) : undefined;
    if (first) {
      const items = [first];
      for (let chars = first.send.length; items.length < LANE_STATEMENTS && chars < LANE_CHARS; ) {
        const next = nextStatement();
        const item = next && laneItem(next);
        // (a statement with variables takes them as they are when it runs: after those before it, :ROW_COUNT too)
        if (!item || item.interpolated) {
          if (next) back.push(next);
          break;
        }
        items.push(item);
        chars += item.send.length;
      }
      const r = await runLane(session, items, opts, stopOnError);
      if (!r.ok) ok = false;
      if (r.end) return r.end;
      if (r.notRun !== undefined) {
        // from this one on, the ordinary way (it returns rows, takes parameters; or the engine cannot)
        for (let k = items.length - 1; k >= r.notRun; k--) back.push(items[k]!.statement);
        laneSkip = items[r.notRun]!.statement;
        if (r.unsupported) laneBroken = true;
      }
      continue;
    }
    let line = offsetLine + st.line - 1;
    await echoLinesTo(offset + st.segmentEnd);
    // the mysql client's \\- acts where it is read, inside a statement too (the splitter hands it over)
    for (const c of isActive(session.conditionals) ? st.inlineCommands ?? [] : []) {
      const { runMeta } = await import('../meta/run-meta.js');
      const r = await runMeta(session, c.text, { ...opts, stopOnError: stopOnError(), line: offsetLine + c.line - 1 }, runnerFor(session));
      if (r.type === 'error') {
        ok = false;
        if (stopOnError()) return { ok, quit: false, stopped: true };
      }
    }
    if (st.kind === 'delimiter' && st.text.startsWith('\\')) {
      // the mysql client's \\d DELIM (the splitter reads on with the new delimiter): said as the client says it
      const { runMeta } = await import('../meta/run-meta.js');
      const r = await runMeta(session, st.text, { ...opts, stopOnError: stopOnError(), line }, runnerFor(session));
      if (r.type === 'error') {
        ok = false;
        if (stopOnError()) return { ok, quit: false, stopped: true };
      }
      continue;
    }
    if (st.kind === 'delimiter') {
      // DELIMITER holds for the rest of the session, as in the mysql client (the next line typed, a later script)
      const arg = st.text.slice(9).trim().split(/[ \t]+/)[0] ?? '';
      if (arg !== '') session.delimiter = arg === ';' ? undefined : arg;
      continue;
    }
    // psql drops the lines of a skipped \if branch as it reads them: SQL on them, before the \elif, \else
    // or \endif that ends the branch, never reaches the query buffer (nor runs with what follows)
    const skipped = !isActive(session.conditionals);
    const buffer = psqlBuffer && !st.openToken
      ? skipped ? carry?.buffer ?? NOTHING_BUFFERED : psqlQueryText(text, st.segmentStart, st.segmentEnd, session.lex, carry?.buffer)
      : undefined;
    if (buffer && buffer.text !== '') line = carry?.line ?? offsetLine + lineAt(buffer.start) - 1;
    // psql names the line it had read when the statement ran (its errors and notices): the terminator's
    if (psqlBuffer && st.kind === 'sql' && !st.openToken) line = offsetLine + st.line - 1 + newlinesIn(text, st.start, st.segmentEnd - 1);
    // the mysql client's `use db`, `source FILE`, `quit` lines (MySQL splitter) and `use db;` statements
    // are its commands \u db, \. FILE, \q (src/sql/mysql-client-command.ts)
    const clientCommand = session.dialect.id !== 'mysql' ? undefined
      : st.kind === 'meta' ? mysqlClientCommand(st.text, false, session.mysqlClient)
      : st.kind === 'sql' && st.complete && !st.openToken && st.terminator !== undefined && (!st.terminator.startsWith('\\') || st.terminator === '\\g')
        ? mysqlClientCommand(mysqlClientText(st.text, session.lex), true, session.mysqlClient) : undefined;
    if (clientCommand !== undefined) st = { ...st, kind: 'meta', text: clientCommand };
    let meta = st.kind === 'meta' ? st.text : metaAfterSql(st.text, st.terminator);
    // the mysql client's own commands (\\c \\p \\W ...) act on the statement being typed, from its first
    // character to the command, and those that do not drop it leave it open (mysql-client-commands.ts)
    const clientMeta = session.mysqlClient && meta !== undefined && st.kind !== 'delimiter'
      && (await import('../meta/meta-registry.js')).mysqlClientLookup(/^\\[^\s|]*/.exec(meta)?.[0] ?? '', '') !== undefined;
    let clientBuffer: string | undefined;
    if (clientMeta) {
      const before = st.kind === 'sql' ? text.slice(clientKept !== undefined ? st.segmentStart : st.start, Math.max(st.start, text.lastIndexOf(meta!, st.segmentEnd - meta!.length))) : '';
      clientBuffer = (clientKept ?? '') + before;
    } else if (session.mysqlClient && clientKept !== undefined && st.kind === 'sql') {
      st = { ...st, text: (clientKept + text.slice(st.segmentStart, st.start) + st.text).trimEnd() };
      line = clientKeptLine;
      clientKept = undefined;
    }
    if (skipped && meta !== undefined && st.kind === 'sql') st = { ...st, kind: 'meta', text: meta };
    if (meta?.startsWith('.')) {
      // a sqlite3 dot-command, read with sqlite3's rules (src/meta/run-dot-command.ts); none in a skipped \if branch
      if (!isActive(session.conditionals)) continue;
      if (session.interactive && echoMode(session) === 'all') await session.io.stdout.write(`${meta}\n`);
      const { runDotCommand } = await import('../meta/run-dot-command.js');
      const r = await runDotCommand(session, meta, { ...opts, stopOnError: stopOnError(), line }, runnerFor(session));
      if (r.type === 'quit') return { ok, quit: true };
      if (r.type === 'error') {
        ok = false;
        if (stopOnError()) return { ok, quit: false, stopped: true };
      }
      continue;
    }
    // In a skipped \if branch only the conditionals count; statements and other commands are not run (psql).
    // An unknown command is still an error there, as psql says so too.
    if (!isActive(session.conditionals) && (meta === undefined || !CONDITIONAL_COMMANDS.has(/^\\[^\s|]*/.exec(meta)![0]))) {
      if (meta === undefined || (await import('../meta/meta-registry.js')).metaRegistry().lookup(/^\\[^\s|]*/.exec(meta)![0])) {
        carry = undefined;
        continue;
      }
    }
    if (meta !== undefined) {
      // The SQL a backslash command ended is its query buffer (\p, \r, \gset, \gexec may take it).
      session.queryBuffer = clientBuffer !== undefined ? clientBuffer === '' ? undefined : clientBuffer
        : buffer
        ? buffer.text !== '' ? interpolate(session, buffer.text) : undefined
        : st.kind === 'sql' && st.text !== '' ? interpolate(session, st.text) : undefined;
      const hadBuffer = session.queryBuffer !== undefined;
      if (session.interactive && echoMode(session) === 'all') await session.io.stdout.write(`${st.kind === 'sql' ? `${st.text} ` : ''}${meta}\n`);
      // `select ... \watch 2`: the statement is what \watch repeats.
      if (st.kind === 'sql' && /^\\watch\b/.test(meta)) session.lastSql = st.text;
      const { runMeta } = await import('../meta/run-meta.js');
      // (psql puts variables into each command's arguments as that command runs: runMeta)
      const word = /^\\[^\s|]*/.exec(meta)?.[0] ?? '';
      // \copy ... FROM STDIN in a script: the lines after it up to \. are its data (never SQL), as psql reads them
      const copyMeta = !session.interactive && word === '\\copy' && COPY_META_FROM_STDIN.test(meta);
      if (copyMeta && session.dialect.id === 'postgres') {
        // psql's \\copy ... FROM STDIN is its COPY: the lines after it are its data once the server takes them
        carry = undefined;
        const command = meta;
        const end = await copyInline(st.segmentEnd, async (data, onCopyIn, copyEndLine) => {
          const r = await runMeta(session, command, { ...opts, stopOnError: stopOnError(), line, inlineData: data, onCopyIn, copyEndLine }, runnerFor(session));
          return r.type === 'quit' ? 'quit' : r.type !== 'error';
        });
        session.queryBuffer = undefined;
        if (end) return end;
        continue restart;
      }
      const copyData = copyMeta ? inlineData(text, st.segmentEnd) : undefined;
      const r = await runMeta(session, meta, { ...opts, stopOnError: stopOnError(), line, ...(copyData ? { inlineData: copyData.data } : {}) }, runnerFor(session));
      if (copyData) {
        offsetLine += lineOfOffset(text, copyData.end) - 1;
        offset += copyData.end;
        echoedTo = Math.max(echoedTo, offset);
        carry = undefined;
        if (r.type === 'quit') return { ok, quit: true };
        if (r.type === 'error') {
          ok = false;
          if (stopOnError()) return { ok, quit: false, stopped: true };
        }
        continue restart;
      }
      const taken = hadBuffer && session.queryBuffer === undefined;
      if (clientBuffer !== undefined) {
        // the client's command kept the statement being typed (\\p) or dropped it (\\c, \\r)
        if (clientKept === undefined && session.queryBuffer !== undefined) clientKeptLine = line;
        clientKept = session.queryBuffer;
        session.queryBuffer = undefined;
        if (r.type === 'quit') return { ok, quit: true };
        if (r.type === 'error') {
          ok = false;
          if (stopOnError()) return { ok, quit: false, stopped: true };
        }
        continue;
      }
      session.queryBuffer = undefined;
      if (buffer && !session.interactive) {
        // psql keeps what the command did not take (\echo, \set ...) for the lines that follow
        carry = taken || buffer.text === '' ? undefined : { buffer, line };
        if (r.type === 'quit') return { ok, quit: true };
        if (r.type === 'error') {
          ok = false;
          if (stopOnError()) return { ok, quit: false, stopped: true };
        }
        continue;
      }
      if (r.type === 'quit') return { ok, quit: true };
      if (r.type === 'error') {
        ok = false;
        if (stopOnError()) return { ok, quit: false, stopped: true };
      }
      if (taken) continue;
      // Unfinished SQL before another backslash command stays to be finished, as in psql: back in the
      // editor's buffer interactively; in a script it runs now (nothing else would end it).
      if (st.kind === 'meta' || /^\\watch\b/.test(meta)) continue;
      if (session.interactive) {
        session.pendingEdit = st.text;
        continue;
      }
    }
    if (st.openToken) {
      // The input ends inside a string, a quoted name or a comment: an error, as in psql, rather
      // than a statement run with its end cut off (and exit code 1 in a script).
      const base = st.text !== '' ? st.start : st.openToken.start;
      await loadDisplayWidth();
      const err = new SqlError(`${unterminatedWhat(st.openToken)} at the end of the input`, { position: st.openToken.start - base });
      session.io.error(formatSqlError(err, { text: text.slice(base), line: offsetLine + lineOfOffset(text, base) - 1, file: opts.source }));
      return { ok: false, quit: false };
    }
    carry = undefined;
    if (buffer ? buffer.text === '' : st.text.trim() === '') continue;
    // the mysql client's script: comments are not sent (src/sql/mysql-client-text.ts)
    const text0 = buffer ? buffer.text : session.dialect.id === 'mysql' && !session.interactive ? mysqlClientText(st.text, session.lex) : st.text;
    const sql = interpolate(session, text0);
    if (st.complete && session.dialect.id === 'postgres' && !buffer?.joined && copyStdioDirection(sql, session.lex) === 'in') {
      // psql: once the server takes COPY ... FROM STDIN, the lines after it are its data, up to a line \.
      // (never SQL); a COPY that failed before (no such table) took none: they are read as SQL.
      const end = await copyInline(st.segmentEnd, (data, onCopyIn, copyEndLine) =>
        runStatement(session, sql, { ...opts, line, terminator: st.terminator, copyData: data, onCopyIn, copyEndLine, asSent: buffer !== undefined }));
      if (end) return end;
      continue restart;
    }
    // psql's `a \\; b;` and a text without SQL (`;`, a lone comment) go as one simple-query message; else
    // psql's buffer holds one statement (false: runStatement need not split it again to know)
    const simpleQuery = buffer !== undefined && (buffer.joined || !buffer.hasSql);
    // the mysql client's --xml names a statement the input ended (no terminator) as its buffer holds it:
    // to the end of the input, each line with its line break (`-e 'select 1'`: "select 1\n")
    const xmlStatement = session.mysqlClient && session.mysqlMarkup === 'xml' && !st.complete
      ? interpolate(session, mysqlClientText(text.slice(st.start, st.segmentEnd), session.lex)).replace(/(?<!\n)$/, '\n') : undefined;
    if (session.mysqlClient && session.mysqlDisconnected) {
      // after a failed \\r the client has no connection: the next statement ends the script with status 1 (-f too)
      session.io.error(`${mysqlClientErrorLine({ ...opts, line }, "Can't connect to the server")}\n`);
      session.exitStatus = 1;
      return { ok: false, quit: true };
    }
    // sqlite3 hands SQLite the text up to the `;`: what a CREATE INDEX or CREATE VIEW stores (and .schema
    // and .dump show) keeps the line break or comment before it, as after sqlite3
    const sendText = session.dialect.id === 'sqlite' && st.complete && st.terminator === ';' && sql === st.text
      ? text.slice(st.start, st.segmentEnd - 1) : undefined;
    // sqlite3's .trace shows the statement as written, from where sqlite3's text of it begins to its `;`
    const asWritten = sendText !== undefined && session.sqlite3Trace
      ? text.slice(st.segmentStart + sqlite3StatementStart(text.slice(st.segmentStart, st.start)), st.segmentEnd) : undefined;
    const r = await runStatement(session, sql, { ...opts, line, terminator: st.terminator, asSent: buffer !== undefined, ...(buffer !== undefined ? { simpleQuery } : {}), ...(xmlStatement !== undefined ? { xmlStatement } : {}), ...(sendText !== undefined && sendText !== sql ? { sendText } : {}), ...(asWritten !== undefined ? { asWritten } : {}) });
    if (r === 'cancelled') return { ok: false, quit: false, cancelled: true };
    if (!r) {
      ok = false;
      if (stopOnError()) return { ok, quit: false, stopped: true };
    }
    if (r === true && mayChangeLexing(session.dialect.id, sql) && (await followLexSettings(session))) {
      // The server now reads strings differently: the rest of the script is split the same way.
      offsetLine += lineOfOffset(text, st.segmentEnd) - 1;
      offset += st.segmentEnd;
      continue restart;
    }
  }
  break;
  }
  if (opts.more) {
    const resume = { ...(carry ? { carry } : {}), ...(clientKept !== undefined ? { clientKept } : {}), clientKeptLine, echoed: Math.max(0, echoedTo - input.length) };
    return { ok, quit: false, rest: { text: '', line: (opts.firstLine ?? 1) + newlinesIn(input, 0, input.length), resume, progressed: input.length > 0 } };
  }
  if (clientKept !== undefined && clientKept.trim() !== '' && !opts.signal?.aborted) {
    // the client sends the statement it was still typing at the end of the input
    const r = await runStatement(session, interpolate(session, mysqlClientText(clientKept, session.lex)).trimEnd(), { ...opts, line: clientKeptLine });
    if (r === 'cancelled') return { ok: false, quit: false, cancelled: true };
    if (!r) ok = false;
  }
  if (carry && !session.interactive && !opts.signal?.aborted) {
    // psql sends what is left in its buffer at the end of the input
    const sql = interpolate(session, carry.buffer.text);
    const r = await runStatement(session, sql, { ...opts, line: carry.line, asSent: true, ...(carry.buffer.joined || !carry.buffer.hasSql ? { simpleQuery: true } : {}) });
    if (r === 'cancelled') return { ok: false, quit: false, cancelled: true };
    if (!r) ok = false;
  }
  if (!session.interactive && session.conditionals.length > depthAtStart) {
    // psql's words, at the input's last line
    const lastLine = (opts.firstLine ?? 1) + input.split('\n').length - (input.endsWith('\n') ? 2 : 1);
    session.io.error(`${opts.source ? `${opts.source}:${lastLine}: ` : ''}error: reached EOF without finding closing \\endif(s)`);
    session.conditionals = session.conditionals.slice(0, depthAtStart);
    return { ok: false, quit: false };
  }
  return { ok, quit: false };
}

/** A statement for the lane: its SQL (variables put in), the text the engine gets, its line. */
interface LaneItem {
  readonly sql: string;
  /** Variables were put in (it may go first in a request only). */
  readonly interpolated: boolean;
  readonly send: string;
  readonly line: number;
  readonly statement: Statement;
}

/** Statements, and characters of them, per request of the lane. */
const LANE_STATEMENTS = 500;
const LANE_CHARS = 1 << 20;

/** Statements that begin so return no rows (or rarely: the engine then gives such a one back to run the ordinary way). */
const NO_ROWS = new Set(['INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'BEGIN', 'COMMIT', 'END', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'ANALYZE', 'VACUUM', 'REINDEX', 'ATTACH', 'DETACH']);

function returnsNoRows(sql: string, lexOptions: LexOptions): boolean {
  return NO_ROWS.has(leadingWord(sql, lexOptions));
}

/**
 * The lane: a script's statements that print nothing but their status (a dump's INSERTs) go to the engine
 * many at a time (Connection.executeMany), not through runStatement each, when nothing is to be done
 * between them: no echo, timing, preview, confirmation, psql transaction steps or sqlite3 extras.
 */
function laneOpen(session: Session, opts: RunOptions): boolean {
  return !session.interactive && session.connection.executeMany !== undefined && !opts.dryRun && !opts.confirmDestructive
    && !session.settings.timing && !session.sqlite3Eqp && !session.sqlite3Output?.changes && !session.outputOnce && !session.mysqlClient
    && (echoMode(session) === 'none' || echoMode(session) === 'errors') && noTransactionSteps(session);
}

/**
 * Runs the lane's statements, writing each one's status as runStatement would, and each failure. notRun:
 * the first of them not run, to be run the ordinary way (unsupported: the engine runs none this way);
 * end: the script ends (stopped at an error, or cancelled).
 */
async function runLane(session: Session, items: readonly LaneItem[], opts: RunOptions, stopOnError: () => boolean): Promise<{ ok: boolean; end?: RunResult; notRun?: number; unsupported?: boolean }> {
  const render = session.renderOptions();
  const showStatus = variableFlag(session.variables, 'QUIET') !== true && render.sqlite3 === undefined;
  const stopAtError = stopOnError();
  let ok = true;
  for (let i = 0; i < items.length; ) {
    if (opts.signal?.aborted) return { ok: false, end: { ok: false, quit: false, cancelled: true } };
    const at = i; // (the result's indices count from here)
    // (what it throws, a closed connection or Ctrl-C before it began, is the first statement's failure)
    const r = await session.connection.executeMany!(items.slice(at).map((x) => x.send), { stopAtError, ...(opts.signal ? { signal: opts.signal } : {}) })
      .catch((e: unknown): ManyResult => ({ done: [], stop: e instanceof Error ? e : new Error(String(e)) }));
    if (!r) return { ok, notRun: i, unsupported: true };
    // each statement's notices, then its status or error, in order (statuses written many at a time)
    let status = '';
    let noticeAt = 0;
    const notices = r.notices ?? [];
    // psql's ROW_COUNT, ERROR, SQLSTATE: set once for the last of statements that succeeded in a row
    let rowCount: number | undefined;
    const flush = async (): Promise<void> => {
      if (rowCount !== undefined) session.variables = afterSuccess(session.variables, rowCount);
      rowCount = undefined;
      if (status !== '') await session.out.write(status);
      status = '';
    };
    const noticesOf = async (k: number): Promise<void> => {
      if (noticeAt >= notices.length || notices[noticeAt]!.index > k) return;
      await flush();
      for (; noticeAt < notices.length && notices[noticeAt]!.index <= k; noticeAt++) {
        const n = notices[noticeAt]!;
        if (n.position !== undefined) await loadDisplayWidth(); // the caret goes under the right cell
        session.io.message(formatNotice(n.severity ?? 'NOTICE', n.message, n.position, { text: items[at + n.index]!.sql }, where({ ...opts, line: items[at + n.index]!.line }), errorStyle(session), n.extra));
      }
    };
    const succeeded = async (k: number, tag: ManyStatus): Promise<void> => {
      await noticesOf(k);
      const item = items[at + k]!;
      if (tag.result) {
        // rows after all (a rule's SELECT): shown as runStatement shows them
        await flush();
        const done: ResultEvent = { type: 'done', ...(tag.command !== undefined ? { command: tag.command } : {}), rowCount: tag.result.rows.length };
        const events: ResultEvent[] = [{ type: 'columns', columns: tag.result.columns }, ...(tag.result.rows.length > 0 ? [{ type: 'rows' as const, rows: tag.result.rows }] : []), done];
        await renderEvents((async function* () { yield* events; })(), session.out, render, { notice: () => undefined, status: async (command) => void (showStatus ? await session.out.write(`${command}\n`) : undefined) });
        rowCount = tag.result.rows.length;
      } else {
        const line = showStatus && tag.command !== undefined ? statusLine(tag.command, render) : undefined;
        if (line !== undefined) status += `${line}\n`;
        rowCount = tag.affected ?? 0;
      }
      session.lastSql = item.sql;
    };
    const failed = async (k: number, e: Error): Promise<false | 'cancelled'> => {
      await noticesOf(k);
      await flush();
      const item = items[at + k]!;
      return reportFailure(session, e, item.sql, classifyStatement(item.sql, session.dialect), { ...opts, line: item.line, terminator: ';' });
    };
    for (let k = 0; k < r.done.length; k++) await succeeded(k, r.done[k]!);
    i = at + r.done.length;
    if (r.stop === undefined || r.stop === 'other') {
      await noticesOf(items.length);
      await flush();
      if (r.stop === 'other') return { ok, notRun: i };
      continue;
    }
    // a failure; then (PostgreSQL) the statements already sent after it, each as it went
    const outcomes = [r.stop, ...(r.after ?? [])];
    const base = r.done.length;
    for (let k = 0; k < outcomes.length; k++) {
      const o = outcomes[k]!;
      if (o instanceof Error) {
        const f = await failed(base + k, o);
        if (f === 'cancelled') return { ok: false, end: { ok: false, quit: false, cancelled: true } };
        ok = false;
        // (with stopAtError those after it changed nothing)
        if (stopAtError || stopOnError()) return { ok, end: { ok, quit: false, stopped: true } };
      } else await succeeded(base + k, o);
    }
    await noticesOf(items.length);
    await flush();
    i += outcomes.length;
  }
  return { ok };
}

/** How the session splits a script now (its DELIMITER, its engine's commands). */
function scriptSplitOptions(session: Session): SplitOptions {
  return {
    ...(session.delimiter !== undefined ? { delimiter: session.delimiter } : {}),
    mysqlDelimiterCommand: session.dialect.id === 'mysql',
    dotCommands: session.dialect.id === 'sqlite',
    ...(session.mysqlClient ? { mysqlClientDelimiter: true } : {}),
  };
}

/**
 * Characters of a script read before a piece of it runs (runScriptInput). SQLSH_SCRIPT_PIECE_CHARS sets
 * it for the tests, which run scripts in pieces of a few characters to cut them everywhere.
 */
const PIECE_CHARS = Number(process.env['SQLSH_SCRIPT_PIECE_CHARS']) || 1 << 21;

/**
 * A script read as it runs (a file, a pipe), as psql and the other clients read theirs: what has been read
 * runs up to the last statement or command whose end was read (RunOptions.more), then more is read, so
 * memory holds a piece of the script (and a COPY's inline data), not the file, and a file of any size
 * runs. A UTF-8 byte order mark at the start is not SQL. An error reading the input is thrown (after the
 * pieces before it ran).
 */
export async function runScriptInput(session: Session, input: AsyncIterable<Uint8Array | string>, opts: RunOptions): Promise<RunResult> {
  const decoder = new TextDecoder('utf-8');
  const chunks = input[Symbol.asyncIterator]();
  const conditionalDepth = opts.conditionalDepth ?? session.conditionals.length;
  let eof = false;
  // read and not yet in a piece (a chunk read is longer than a piece)
  let held = '';
  const more = async (): Promise<string | undefined> => {
    if (held !== '') {
      const text = held;
      held = '';
      return text;
    }
    if (eof) return undefined;
    const r = await chunks.next();
    if (!r.done) return typeof r.value === 'string' ? r.value : decoder.decode(r.value, { stream: true });
    eof = true;
    const tail = decoder.decode();
    return tail === '' ? undefined : tail;
  };
  let pending = '';
  let line = opts.firstLine ?? 1;
  let first = true;
  let want = PIECE_CHARS;
  let resume: ScriptState | undefined;
  let ok = true;
  for (;;) {
    while (pending.length < want && !(eof && held === '')) pending += (await more()) ?? '';
    if (pending.length > want) {
      held = pending.slice(want) + held;
      pending = pending.slice(0, want);
    }
    if (first && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
    first = false;
    const last = eof && held === '';
    const r = await runScript(session, pending, { ...opts, firstLine: line, conditionalDepth, ...(last ? {} : { more }), ...(resume ? { resume } : {}) });
    if (!r.ok) ok = false;
    if (!r.rest || r.quit || r.cancelled || r.stopped) return { ...r, ok };
    // nothing could run yet (one statement longer than what was read): read as much again
    want = r.rest.progressed ? PIECE_CHARS : 2 * Math.max(pending.length, 1);
    pending = r.rest.text;
    line = r.rest.line;
    resume = r.rest.resume;
  }
}

/**
 * True when `st`, at the end of what has been read, may not be whole yet: the last statement (unless a
 * terminator ended it: a command's line or an unterminated one may go on), or, but on PostgreSQL (where
 * it is sent as it is read), a \\copy ... from stdin whose inline data has no `\\.` line yet.
 */
function unfinished(st: Statement, text: string, session: Session): boolean {
  if (st.segmentEnd >= text.length && !(st.kind === 'sql' && st.complete && !st.openToken && st.terminator !== undefined && !st.terminator.startsWith('\\'))) return true;
  if (session.interactive) return false;
  // (on PostgreSQL \\copy's data is sent as it is read, as COPY's; elsewhere it is read whole first)
  return session.dialect.id !== 'postgres' && st.kind === 'meta' && COPY_META_FROM_STDIN.test(st.text) && !inlineData(text, st.segmentEnd).terminated;
}

/** psql -c "a; b": SQL only (no backslash command), more than one statement. */
function isOneRequest(text: string, lexOptions: LexOptions): boolean {
  if (text.startsWith('\\') || lex(text, lexOptions).some((t) => t.type === 'backslash' || (t.type === 'punct' && t.text === '\\;'))) return false;
  return splitStatements(text, lexOptions).filter((s) => s.kind === 'sql' && s.text !== '').length > 1;
}

/** The statement with psql variables (:name, :'name', :"name", :{?name}) replaced, read with the session's lexer. */
function interpolate(session: Session, sql: string): string {
  if (session.variables.size === 0) return sql;
  return interpolateSql(sql, session.lex, session.variables, quotingFor(session.dialect, session.lex));
}

/** Reads the settings the lexer follows back from the server; true when the lexing changed. */
async function followLexSettings(session: Session): Promise<boolean> {
  const query = lexSettingQuery(session.dialect.id);
  if (query === undefined) return false;
  const reported = lexSettingReported(session.dialect.id);
  let value = reported === undefined ? undefined : session.connection.serverSetting?.(reported);
  if (value === undefined) try {
    for await (const ev of session.connection.execute(query)) if (ev.type === 'rows' && ev.rows[0]) value = String(ev.rows[0][0]);
  } catch {
    return false;
  }
  if (value === undefined) return false;
  const before = JSON.stringify(session.lex);
  const changes = lexChangesFor(session.dialect.id, value);
  session.lexChanges = Object.keys(changes).length ? Object.freeze(changes) : undefined;
  return JSON.stringify(session.lex) !== before;
}

/** psql's ECHO variable: 'queries' prints each statement before it runs, 'all' also the backslash commands. */
function echoMode(session: Session): string {
  return (session.variables.get('ECHO') ?? 'none').toLowerCase();
}

/** The line breaks in text[from, to). */
function newlinesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** 1-based line of `offset` in `text`. */
function lineOfOffset(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A backslash command that ended a SQL statement without running it (\g, \G and \gx run it). */
function metaAfterSql(sql: string, terminator: string | undefined): string | undefined {
  const t = terminator?.trim();
  if (!t || !t.startsWith('\\') || sql.trim() === '' || /^\\(g|G|gx)$/.test(t)) return undefined;
  return t;
}

/** The ways an engine may send a result already formatted for its sink, when the output is a file or pipe (ExecuteOptions). */
function fastPaths(options: ReturnType<Session['renderOptions']>, expandedOnce: boolean, out: TextOutput, engine: string): ExecuteOptions {
  return {
    // csv or tsv to a file or pipe: the server may format it (same bytes; see ExecuteOptions.csv, .tsv)
    // (psql's csv format only from PostgreSQL: the other engines' fast paths write COPY's csv)
    ...(options.format === 'csv' && options.csvFieldSeparator === undefined && (!options.psqlCsv || engine === 'postgres') && !expandedOnce && options.expanded !== 'on' && !out.isTTY
      ? { csv: { nullString: options.nullString, ...(options.psqlCsv ? { psql: true } : {}) } }
      : {}),
    ...(options.format === 'tsv' && !expandedOnce && !out.isTTY ? { tsv: { nullString: options.nullString } } : {}),
    ...((options.format === 'json' || options.format === 'jsonl') && !expandedOnce && !out.isTTY ? { json: { lines: options.format === 'jsonl' } } : {}),
    ...(options.format === 'markdown' && !expandedOnce && !out.isTTY ? { markdown: { nullString: options.nullString } } : {}),
    ...(options.format === 'unaligned' && !expandedOnce && options.expanded !== 'on' && options.title === undefined && !out.isTTY
      ? { unaligned: { nullString: options.nullString, fieldSeparator: options.fieldSeparator ?? '|', recordSeparator: options.recordSeparator ?? '\n', header: options.header } }
      : {}),
    // an aligned table (or expanded, markdown, unaligned, vertical records) to a file or pipe: the rows may
    // come as COPY text, with no row objects (table-copy-text.ts reads it, or makes rows that die at once)
    ...(!['csv', 'tsv', 'json', 'jsonl'].includes(options.format) && !out.isTTY ? { copyText: tableSink(options, expandedOnce) ? true : ('rows' as const) } : {}),
  };
}

/**
 * psql's FETCH_COUNT for this statement: the count when it goes through a cursor (PostgreSQL, a SELECT or
 * VALUES, not a COPY nor \\gset's results of several statements), else 0.
 */
function fetchCountFor(session: Session, sql: string, opts: StatementOptions): number {
  if (session.dialect.id !== 'postgres' || opts.copyData !== undefined || opts.lastResult || session.sqlite3Output) return 0;
  const n = Number.parseInt(specialSetting(session.variables, 'FETCH_COUNT'), 10);
  return Number.isFinite(n) && n > 0 && isSelectCommand(sql, session.lex) ? n : 0;
}

function where(opts: RunOptions & { line: number }): string {
  return opts.source ? `${opts.source}:${opts.line}: ` : '';
}

/** How runStatement runs one statement of a script. */
type StatementOptions = RunOptions & {
  line: number;
  terminator?: string;
  /** A COPY ... FROM STDIN's inline data (ExecuteOptions.copyData). */
  copyData?: string | AsyncIterable<string>;
  onCopyIn?: () => void;
  /** the line of COPY's `\\.` (once its data was read, when it is read as it is sent) */
  copyEndLine?: number | (() => number);
  asSent?: boolean;
  simpleQuery?: boolean;
  /** --xml's statement= (the client's buffer), when not the SQL. */
  xmlStatement?: string;
  lastResult?: (r: QueryRows) => void;
  /** The text the engine gets, when not `sql` (what follows the statement up to its `;`). */
  sendText?: string;
  /** The statement as written, with its `;` (ExecuteOptions.asWritten). */
  asWritten?: string;
};

/** Runs one SQL statement. true: ok; false: failed (error printed); 'cancelled'. */
export async function runStatement(
  session: Session,
  sql: string,
  opts: StatementOptions,
): Promise<boolean | 'cancelled'> {
  if (session.sandbox && session.dialect.id === 'mysql' && readsLocalFile(sql)) {
    // LOAD DATA LOCAL INFILE reads a file: not after \- (src/meta/sandbox.ts), and never sent
    session.io.error(session.mysqlClient ? mysqlClientErrorLine(opts, SANDBOX_REFUSAL) : `${where(opts)}LOAD ... LOCAL INFILE: ${SANDBOX_REFUSAL} (\\- turned it on: no files, shell or environment)`);
    return false;
  }
  const cls = classifyStatement(sql, session.dialect);
  // PostgreSQL: several statements (psql's `\\;`), or none (`;`, a comment), go as one simple-query message
  if (opts.simpleQuery === undefined && session.dialect.id === 'postgres' && splitStatements(sql, session.lex).filter((s) => s.text !== '').length !== 1) {
    opts = { ...opts, simpleQuery: true };
  }
  // psql's AUTOCOMMIT off (BEGIN first) and ON_ERROR_ROLLBACK (a savepoint first), before the preview's own
  const step = await beforeStatement(session, sql, cls, opts.signal);
  try {
    const r = await runStatementInTransaction(session, sql, cls, opts);
    await afterTransactionStep(session, step, r === true);
    return r;
  } catch (e) {
    await afterTransactionStep(session, step, false);
    throw e;
  }
}

async function runStatementInTransaction(
  session: Session,
  sql: string,
  cls: ReturnType<typeof classifyStatement>,
  opts: StatementOptions,
): Promise<boolean | 'cancelled'> {
  if (opts.onCopyIn && opts.copyEndLine !== undefined) {
    // psql reads COPY's data lines before it hears back: what the server says then names the line of `\.`
    const taken = opts.onCopyIn;
    const endLine = opts.copyEndLine;
    opts = { ...opts, onCopyIn: () => {
      taken();
      // (data read as it is sent: its `\\.` line is known once it was read, when what the server said is shown)
      opts = typeof endLine === 'number' ? { ...opts, line: endLine } : Object.defineProperty({ ...opts }, 'line', { get: endLine, enumerable: true });
    } };
  }
  // one simple-query request is not previewed: it runs as psql runs it
  const previewed = opts.simpleQuery ? { asked: false } : await previewFirst(session, sql, cls, opts);
  if (typeof previewed !== 'object') return previewed;
  if (cls.destructive && opts.confirmDestructive && !previewed.asked) {
    const confirm = session.io.confirm;
    const yes = confirm ? await confirm(`${cls.destructive.reason}. Run it? [y/N] `) : false;
    if (!yes) {
      session.io.message(confirm ? 'Not run: nothing was changed.' : `${where(opts)}not run: ${cls.destructive.reason} (no terminal to confirm)`);
      return !confirm ? false : true;
    }
  }
  session.lastSql = sql;
  const echo = echoMode(session);
  // ECHO=all in a script echoes the input lines instead (runScript)
  if (echo === 'queries' && session.mysqlClient) {
    // mysql -v: the statement between two lines of dashes, then a blank line
    await session.io.stdout.write(`--------------\n${sql}\n--------------\n\n`);
  } else if (echo === 'queries' || (echo === 'all' && session.interactive)) {
    await session.io.stdout.write(`${sql}${opts.asSent || opts.terminator === undefined ? '' : opts.terminator === ';' ? ';' : ` ${opts.terminator.trim()}`}\n`);
  }
  // sqlite3's .eqp on: the statement's plan first, as the sqlite3 shell draws it
  if (session.sqlite3Eqp && session.dialect.id === 'sqlite') await (await import('./sqlite3-eqp.js')).writeSqlite3Plan(session, sql, opts.signal);
  const quiet = variableFlag(session.variables, 'QUIET') === true;
  const term = opts.terminator?.trim() ?? '';
  const expandedOnce = term === '\\G' || term === '\\gx';
  const render = session.renderOptions();
  // `\\G` on MySQL/MariaDB: the mysql client's vertical records; elsewhere (and \\gx) psql's expanded ones
  const vertical = term === '\\G' && session.dialect.id === 'mysql';
  const options1 = expandedOnce ? { ...render, expanded: vertical ? ('vertical' as const) : ('on' as const) } : render;
  // sqlite3's .explain auto: an EXPLAIN statement in explain mode, EXPLAIN QUERY PLAN drawn as its tree
  const explain = options1.sqlite3 && options1.sqlite3.autoExplain !== false && session.dialect.id === 'sqlite' ? sqliteExplainKind(sql) : undefined;
  const options0 = explain && options1.sqlite3 ? { ...options1, sqlite3: { ...options1.sqlite3, mode: explain === 'plan' ? ('eqp' as const) : ('explain' as const) } } : options1;
  const options = options0.mysqlMarkup === 'xml' ? { ...options0, statement: opts.xmlStatement ?? sql } : options0;
  const started = nowMs();
  const cpuStart = statementCpu(session);
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (opts.signal?.aborted) abort.abort();
  const paging = terminalPager(session, () => abort.abort());
  const out = paging ?? session.out;
  // Held result text goes out before anything printed after it (timing, errors), in that order.
  let pagingClosed = false;
  const flushPaging = async () => {
    if (paging && !pagingClosed) {
      pagingClosed = true;
      await paging.close();
    }
  };
  try {
    // The last result with rows is kept (a copy when small) for \chart without a query.
    const lastOnly = opts.simpleQuery && specialSetting(session.variables, 'SHOW_ALL_RESULTS') === 'off';
    // psql's FETCH_COUNT: a SELECT or VALUES goes through a cursor, its rows a fetch at a time (psql-cursor.ts)
    const fetchCount = fetchCountFor(session, sql, opts);
    const events0 = fetchCount > 0 ? undefined : keepingLastResult(sql, session.connection.execute(opts.sendText ?? sql, {
      signal: abort.signal,
      ...(opts.copyData !== undefined ? { copyData: opts.copyData } : {}),
      ...(opts.onCopyIn ? { onCopyIn: opts.onCopyIn } : {}),
      ...(opts.simpleQuery ? { simpleQuery: true } : {}),
      ...(opts.asWritten !== undefined ? { asWritten: opts.asWritten } : {}),
      // the sqlite3 shell's output: rows with its values, none of the fast paths
      ...(options.sqlite3 ? { sqlite3Values: true } : {}),
      // a sqlite3 script (or .parameter at the prompt): parameters bound from .parameter's table, else NULL, as in the sqlite3 shell
      ...((options.sqlite3 && !session.interactive) || session.sqlite3Parameters ? { nullParameters: true } : {}),
      // the mysql client's command line: binary values as the client prints them
      ...(session.mysqlClient ? { binaryAsText: true } : {}),
      ...(options.sqlite3 || options.mysqlBatch || options.numericLocale || options.mysqlMarkup ? {} : fastPaths(options, expandedOnce, out, session.dialect.id)),
      ...(options.psqlBooleans ? { psqlValues: true } : {}),
    }), (r) => (session.lastResult = r));
    // psql's SHOW_ALL_RESULTS off: of `a \\; b` only the last result is shown
    const events = events0 === undefined ? undefined : lastOnly ? lastResultOnly(events0) : opts.lastResult ? allButLastResult(events0, opts.lastResult) : events0;
    const hooks: RenderHooks = {
        // psql: FILE:LINE: in a script, and the statement's line with a caret when the server gave a position
        notice: async (m, severity, position, extra) => {
          if (session.mysqlClient) {
            // the client shows no warnings in batch mode, unless \\W turned them on: then each after the result
            const w = session.mysqlShowWarnings ? /^(\w+) (\d+): ([^]*)$/.exec(m) : null;
            if (w) await out.write(`${w[1]} (Code ${w[2]}): ${w[3]}\n`);
            return;
          }
          if (position !== undefined) await loadDisplayWidth(); // the caret goes under the right cell
          session.io.message(formatNotice(severity ?? 'NOTICE', m, position, { text: sql }, session.interactive ? '' : where(opts), errorStyle(session), extra));
        },
        // (the mysql client's command line prints no status lines, as the client in batch mode)
        // (nor does the sqlite3 shell)
        status: async (command) => void (quiet || session.mysqlClient || options.sqlite3 ? undefined : await out.write(`${command}\n`)),
        // psql: a COPY ... TO STDOUT whose rows went to \g FILE says `COPY n` where results go
        copyStatus: async (status) => void (quiet || !session.queryOutput ? undefined : await session.queryOutput.write(`${status}\n`)),
    };
    const summary = events === undefined
      // (psql's \\x auto cannot measure a result it prints in parts: its records, always)
      ? await renderThroughCursor(session, sql, fetchCount, out, session.expandedAutoAsked && session.settings.expanded === 'auto' && (options.expanded === 'off' || options.expanded === 'auto') && options.format === 'table' ? { ...options, expanded: 'on' } : options, hooks, { signal: abort.signal, ...(options.psqlBooleans ? { psqlValues: true } : {}) }, opts.simpleQuery === true)
      : await renderEvents(options.numericLocale ? withNumericLocale(events) : events, out, options, hooks, started);
    // The statement and the fetching, not the user: time spent waiting on the pager is left out.
    const ms = nowMs() - started - (paging?.waitedMs ?? 0);
    session.variables = afterSuccess(session.variables, summary.resultSets ? summary.rowCount : summary.affected ?? 0);
    await flushPaging();
    // the timing line and what each client prints after a statement (psql, sqlite3's .timer and .changes, mysql -vv)
    await afterStatement(session, summary, ms, cpuStart);
    if (cls.changesCatalog && session.interactive) void session.refreshCatalog();
    return true;
  } catch (e) {
    await flushPaging();
    // Quitting the pager early cancels the query quietly: the user has seen what they wanted.
    if (e instanceof CancelledError && paging?.quit && !opts.signal?.aborted) return true;
    // (a statement of psql's cursor: the error points into its text, `DECLARE ...` on the line before the query)
    if (e instanceof CursorStatementError && e.error === undefined) {
      // psql's cursor for several statements sent at once: it fails without a word
      session.variables = afterFailure(session.variables, '', undefined);
      return false;
    }
    if (e instanceof CursorStatementError) return await reportFailure(session, e.error, e.text, cls, opts);
    return await reportFailure(session, e, sql, cls, opts);
  } finally {
    opts.signal?.removeEventListener('abort', onOuterAbort);
    await flushPaging();
    if (session.outputOnce) {
      // (sqlite3's .once: this statement had the file; the next ones go to the screen again)
      session.outputOnce = false;
      await session.closeOutput();
    }
  }
}

/** Prints why a statement failed: false (failed) or 'cancelled'; rethrows what is not a statement's failure. */
async function reportFailure(
  session: Session,
  e: unknown,
  sql: string,
  cls: ReturnType<typeof classifyStatement>,
  opts: RunOptions & { line: number; terminator?: string },
): Promise<false | 'cancelled'> {
  {
    if (e instanceof CancelledError) {
      session.io.error(`${where(opts)}Cancelled: ${escapeForTerminal(e.message)}`);
      return 'cancelled';
    }
    if (e instanceof SqlError || e instanceof ConnectionLostError || e instanceof UsageError) {
      session.noteFailure(e, sql);
    }
    if (e instanceof SqlError && session.mysqlClient && e.vendorCode !== undefined) {
      // the MariaDB client's words: the statement between rules, then ERROR errno (SQLSTATE) at line N (in file: 'x.sql')
      // (with -v the statement was written already, before it ran: the error line alone)
      const shown = escapeForTerminal(sql.replace(/\s*;\s*$/, ''), true);
      const statement = echoMode(session) === 'queries' ? '' : `--------------\n${shown}\n--------------\n\n`;
      session.io.error(`${statement}${mysqlClientErrorLine(opts, escapeForTerminal(e.message, true), e)}`);
      return false;
    }
    if (e instanceof SqlError && session.sqlite3Output !== undefined && !session.interactive && session.dialect.id === 'sqlite') {
      // a sqlite3 script or command line: the error as the sqlite3 shell writes it
      const text = `${sql}${opts.terminator === ';' ? ';' : ''}`;
      session.io.error(sqlite3ErrorText(e, text, opts.source === undefined ? undefined : opts.line));
      return false;
    }
    if (e instanceof SqlError) {
      await loadDisplayWidth(); // the caret goes under the right cell
      session.io.error(formatSqlError(e, { text: sql, line: opts.line, file: opts.source, lineAsRead: session.dialect.id === 'postgres' }, errorStyle(session)));
      // psql's ECHO errors: the statement that failed, after its error
      if (echoMode(session) === 'errors') session.io.error(`${where(opts)}STATEMENT:  ${escapeForTerminal(sql, true)}`);
      if (cls.changesCatalog && session.interactive) void session.refreshCatalog();
      return false;
    }
    if (e instanceof NotConnectedError) {
      // psql's words, after `error: ` in a script
      session.io.error(`${where(opts)}${opts.source ? 'error: ' : ''}${e.message}`);
      return false;
    }
    if (e instanceof ConnectionLostError) {
      // The engine's message already says what was lost and what the next statement does: say it once.
      session.io.error(`${where(opts)}${escapeForTerminal(e.message)}`);
      return false;
    }
    if (e instanceof UsageError) {
      session.io.error(`${where(opts)}${e.message}`);
      return false;
    }
    throw e;
  }
}

/**
 * The preview (src/preview): interactively, a change is tried in a transaction or savepoint that is rolled
 * back, shown, and kept only on `y`; with --dry-run every change is tried and printed. An object: run the
 * statement as usual (not previewed, or `asked`: the named-object question said yes).
 */
async function previewFirst(
  session: Session,
  sql: string,
  cls: ReturnType<typeof classifyStatement>,
  opts: RunOptions & { line: number; terminator?: string },
): Promise<boolean | 'cancelled' | { asked: boolean }> {
  const notPreviewed = { asked: false };
  if (cls.kind === 'query' || cls.kind === 'session') return notPreviewed;
  try {
    if (opts.dryRun) {
      const { dryRunStatement } = await import('../preview/dry-run.js');
      const print = (line: string) => session.out.write(`${line}\n`);
      const label = opts.source ? `${opts.source}:${opts.line}: ` : `line ${opts.line}: `;
      return (await dryRunStatement(session.connection, sql, cls, { print, label }, opts.signal)) === 'done' ? true : notPreviewed;
    }
    const mode = session.settings.preview;
    const ask = session.io.ask;
    if (!session.interactive || !ask || mode === 'off' || (!opts.confirmDestructive && mode !== 'all')) return notPreviewed;
    const { previewStatement } = await import('../preview/preview-statement.js');
    const outcome = await previewStatement(session.connection, sql, cls, {
      mode,
      signal: opts.signal,
      io: {
        message: (t) => session.io.message(t),
        ask,
        showRows: async (columns, rows) => {
          async function* events() {
            yield { type: 'columns' as const, columns };
            yield { type: 'rows' as const, rows };
            yield { type: 'done' as const };
          }
          await renderEvents(events(), session.out, session.renderOptions(), { notice: () => undefined, status: () => undefined });
        },
      },
    });
    if (outcome.type === 'run') return { asked: outcome.asked };
    session.lastSql = sql;
    // Back in the editor as typed, with its ';' (Enter then runs it again).
    if (outcome.type === 'edit') session.pendingEdit = opts.terminator === ';' ? `${sql};` : sql;
    if (outcome.type === 'committed') {
      session.variables = afterSuccess(session.variables, outcome.affected ?? 0);
      if (outcome.command && variableFlag(session.variables, 'QUIET') !== true) await session.out.write(`${outcome.command}\n`);
      if (cls.changesCatalog) void session.refreshCatalog();
    }
    return true;
  } catch (e) {
    return reportFailure(session, e, sql, cls, opts);
  }
}

/** The aligned table sink takes this result (it reads COPY text itself; other sinks take rows). */
function tableSink(options: { format: string; expanded?: string; tableStyle: string }, expandedOnce: boolean): boolean {
  return options.format === 'table' && (options.expanded === 'off' || options.expanded === 'auto') && options.tableStyle !== 'markdown' && !expandedOnce;
}
