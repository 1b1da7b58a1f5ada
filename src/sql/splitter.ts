/**
 * Splits a buffer or script into statements without a database: `;` (or a custom MySQL delimiter)
 * outside strings, comments, dollar quotes, parentheses and trigger/procedure BEGIN ... END bodies;
 * backslash meta-commands; the MySQL client's DELIMITER command.
 *
 * The segments [segmentStart, segmentEnd) of the returned statements tile the input exactly.
 * A statement whose `text` is '' holds only whitespace, comments and/or a terminator (e.g. the
 * second `;` of `;;`, or trailing comments): callers should skip it when running statements.
 */
import type { LexOptions } from './dialect.js';
import { lexAt, newScanState, scanToken } from './lexer.js';
import { skipToEnd, type BodyScan } from './skip-to-end.js';
import { BLOCK_OBJECTS, END_NOT_BLOCK, MYSQL_LINE_COMMANDS, splitKeyword } from './split-keyword.js';
import type { Token } from './token.js';

export interface Statement {
  /**
   * sql: a SQL statement; meta: a backslash command line (on MySQL also the client's `use db`,
   * `source FILE`, `quit` and `exit` lines); delimiter: a MySQL client `DELIMITER x` line.
   */
  readonly kind: 'sql' | 'meta' | 'delimiter';
  /**
   * sql: the statement without its terminator, from its first SQL token to its last one (leading and
   * trailing whitespace and comments dropped, comments inside kept; a MySQL executable comment
   * `/*! ... *\/` is SQL); '' when there is no SQL.
   * meta: the command line, e.g. '\\dt foo'. delimiter: the line, e.g. 'DELIMITER //'.
   */
  readonly text: string;
  /** Offset of `text` in the input (for an empty text: the segment start). */
  readonly start: number;
  readonly end: number;
  /** The segments of all statements tile the input: joining them reproduces it exactly. */
  readonly segmentStart: number;
  readonly segmentEnd: number;
  /** sql: ended by a terminator; meta/delimiter: always true. */
  readonly complete: boolean;
  /** ';', the custom delimiter, or a backslash command that ended the statement like '\\g', '\\G', '\\watch 2'. */
  readonly terminator?: string;
  /** 1-based line number of `start` in the input. */
  readonly line: number;
  /**
   * The mysql client's commands that act where they are read and leave the statement open around them
   * (`\\-`, sandbox mode: `/*M!999999\\- enable the sandbox mode *\/`), in order: run them before this
   * statement. An sql statement's text still holds them (the client does not send them: mysqlClientText).
   */
  readonly inlineCommands?: readonly { readonly text: string; readonly line: number }[];
  /**
   * Only on the last statement, when the input ends inside a string, quoted identifier, block
   * comment or dollar quote: that token. A script that ends so is an error (as in psql), not a
   * statement to run with its end cut off.
   */
  readonly openToken?: Token;
}

/** What an open token at the end of the input is, in words: 'unterminated quoted string'. */
export function unterminatedWhat(t: Token): string {
  if (t.type === 'block-comment') return 'unterminated /* comment';
  if (t.type === 'quoted-ident') return 'unterminated quoted identifier';
  if (t.type === 'string' && t.text.startsWith('$')) return 'unterminated dollar-quoted string';
  return 'unterminated quoted string';
}

export interface SplitOptions {
  /** The statement delimiter to start with (default ';'). */
  readonly delimiter?: string;
  /** Recognise the MySQL client's `DELIMITER x`, `use db`, `source FILE`, `quit` and `exit` lines (on for the MySQL dialect). */
  readonly mysqlDelimiterCommand?: boolean;
  /** With mysqlDelimiterCommand, `use`, `source`, `quit` and `exit` lines too (default true; completion reads `USE db` as SQL). */
  readonly mysqlLineCommands?: boolean;
  /** sqlite3's dot-commands: a line starting with '.' where a statement starts is a 'meta' line (on for SQLite scripts). */
  readonly dotCommands?: boolean;
  /**
   * The mysql client's command line: its `\\d DELIM` where a statement starts is a 'delimiter' line, as
   * DELIMITER is (`\\d //`, `\\d//`); the delimiter is its first word, backslashes dropped. Its commands
   * that take nothing (\\c \\p \\t \\n \\W \\w \\#) are two characters there too (`\\W select 1`), and a
   * `connect [db [host]]` line is its command, as `use db` is.
   */
  readonly mysqlClientDelimiter?: boolean;
}

/** The delimiter a mysql client's `\\d` line sets ('' when it names none). */
export function clientDelimiterArg(line: string): string {
  return (line.slice(2).trim().split(/[ \t]+/)[0] ?? '').replace(/\\(.?)/g, '$1');
}

/** The statements plus what was still open at the end of the input (used by inputStatus). */
export interface SplitResult {
  readonly statements: readonly Statement[];
  /** The last token when the input ends inside it (unterminated string, quoted identifier, comment, dollar quote). */
  readonly openToken?: Token;
  /** Open parentheses in the last statement. */
  readonly parenDepth: number;
  /** Open BEGIN/CASE ... END blocks in the last statement. */
  readonly blockDepth: number;
  /** The delimiter in force at the end of the input. */
  readonly delimiter: string;
}

/** Only blanks before `at` on its line. */
function atLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** No mysql client `\\-` commands in a statement (shared; replaced by an array of its own on the first one). */
const NO_INLINE: { text: string; line: number }[] = [];

export function splitStatements(text: string, opts: LexOptions, options?: SplitOptions): readonly Statement[] {
  return splitWithState(text, opts, options).statements;
}

export function splitWithState(text: string, opts: LexOptions, options?: SplitOptions): SplitResult {
  const statements: Statement[] = [];
  const it = splitLazily(text, opts, options);
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { statements, ...r.value };
    statements.push(r.value);
  }
}

/** What splitLazily returns after its last statement: SplitResult without the statements. */
export type SplitTail = Omit<SplitResult, 'statements'>;

/**
 * The statements one at a time, each as soon as its end is read: a script runner that goes on reading
 * elsewhere (after a COPY ... FROM STDIN's data) stops there, so the text after it is not split for nothing.
 */
export function splitLazily(text: string, opts: LexOptions, options?: SplitOptions): Generator<Statement, SplitTail, undefined> {
  return split(text, opts, options, true);
}

/**
 * splitLazily without its fast path (every token read the one general way): the reference the property
 * tests hold the fast path to. Not for use elsewhere.
 */
export function splitLazilyWithoutFastPath(text: string, opts: LexOptions, options?: SplitOptions): Generator<Statement, SplitTail, undefined> {
  return split(text, opts, options, false);
}


function* split(text: string, opts: LexOptions, options: SplitOptions | undefined, fast: boolean): Generator<Statement, SplitTail, undefined> {
  const n = text.length;
  const out: Statement[] = [];
  let last: Statement | undefined;
  let delim = options?.delimiter || ';';
  const delimCommand = options?.mysqlDelimiterCommand === true;
  const lineCommands = delimCommand && options?.mysqlLineCommands !== false;
  const dotCommands = options?.dotCommands === true;

  // Line numbers: statement starts only increase, so count newlines incrementally.
  let lineOffset = 0;
  let lineNo = 1;
  // the first LF at or after lineOffset (n: none), found with indexOf and kept until passed
  let nextLf = -1;
  const lineAt = (offset: number): number => {
    for (;;) {
      if (nextLf < lineOffset) {
        nextLf = text.indexOf('\n', lineOffset);
        if (nextLf < 0) nextLf = n;
      }
      if (nextLf >= offset) break;
      lineNo++;
      lineOffset = nextLf + 1;
    }
    if (offset > lineOffset) lineOffset = offset;
    return lineNo;
  };

  /** The line of `offset` without moving the incremental count (for a command inside a statement). */
  const peekLine = (offset: number): number => {
    let line = lineNo;
    for (let i = lineOffset; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };

  let segStart = 0;
  let inline: { text: string; line: number }[] = NO_INLINE;
  let firstSql = -1;
  let lastSqlEnd = -1;
  let firstWord = '';
  let eligible = false;
  let depth = 0;
  let pendingEnd = false;
  let paren = 0;

  const reset = (segEnd: number): void => {
    segStart = segEnd;
    inline = NO_INLINE;
    firstSql = -1;
    lastSqlEnd = -1;
    firstWord = '';
    eligible = false;
    depth = 0;
    pendingEnd = false;
    paren = 0;
  };
  const pushSql = (segEnd: number, complete: boolean, terminator?: string): void => {
    const hasText = firstSql >= 0;
    const start = hasText ? firstSql : segStart;
    const end = hasText ? lastSqlEnd : segStart;
    const sqlText = hasText ? text.slice(start, end) : '';
    const line = lineAt(start);
    // (literals of fixed shapes: spreading optional fields in costs more than the rest of a short statement)
    const s: { -readonly [K in keyof Statement]: Statement[K] } = terminator !== undefined
      ? { kind: 'sql', text: sqlText, start, end, segmentStart: segStart, segmentEnd: segEnd, complete, terminator, line }
      : { kind: 'sql', text: sqlText, start, end, segmentStart: segStart, segmentEnd: segEnd, complete, line };
    if (inline.length > 0) s.inlineCommands = inline;
    out.push(s);
    reset(segEnd);
  };
  const pushLine = (kind: 'meta' | 'delimiter', start: number, lineText: string, segEnd: number): void => {
    out.push({
      kind,
      text: lineText,
      start,
      end: start + lineText.length,
      segmentStart: segStart,
      segmentEnd: segEnd,
      complete: true,
      line: lineAt(start),
      ...(inline.length > 0 ? { inlineCommands: inline } : {}),
    });
    reset(segEnd);
  };

  const st = newScanState();
  let lastStart = -1;
  let lastUnterminated = false;
  let pos = 0;
  const body: BodyScan = { pos: 0, lastSqlEnd: 0, paren: 0, lastStart: 0, lastUnterminated: false };
  while (pos < n) {
    if (out.length > 0) {
      last = out[out.length - 1];
      for (let i = 0; i < out.length; i++) yield out[i]!;
      // (mostly one: pop() is cheaper than setting the length)
      while (out.length > 0) out.pop();
    }
    const d0 = delim.charCodeAt(0);
    if (text.charCodeAt(pos) === d0 && (delim.length === 1 || text.startsWith(delim, pos))) {
      if (pendingEnd) {
        pendingEnd = false;
        depth = Math.max(0, depth - 1);
      }
      if (delim !== ';' || (depth === 0 && paren === 0)) {
        pos += delim.length;
        pushSql(pos, true, delim);
        continue;
      }
    }
    const tStart = pos;
    let tEnd = scanToken(text, opts, pos, firstSql < 0, st);
    const type = st.type;
    // A custom delimiter right after a word or an operator (`END$$`, `END//`) ends the statement there,
    // as in the mysql client; never inside strings, quoted names or comments.
    if (delim !== ';' && (type === 'word' || type === 'operator' || type === 'param' || type === 'other' || type === 'number' || type === 'executable-comment')) {
      const k = text.indexOf(delim, tStart + 1);
      if (k >= 0 && k < tEnd) tEnd = k;
    }
    lastStart = tStart;
    lastUnterminated = st.unterminated;
    pos = tEnd;
    switch (type) {
      case 'space':
      case 'line-comment':
      case 'block-comment':
        continue;
      case 'executable-comment':
        // SQL to the server (a statement of executable comments only is sent), but no keyword of its own
        if (firstSql < 0) firstSql = tStart;
        lastSqlEnd = tEnd;
        continue;
      case 'backslash': {
        if (opts.shortBackslashCommands && tEnd - tStart === 2 && text.charCodeAt(tStart + 1) === 45 /* - */) {
          // the mysql client's \- acts where it is read and leaves the statement open around it
          if (inline === NO_INLINE) inline = [];
          inline.push({ text: '\\-', line: peekLine(tStart) });
          continue;
        }
        if (firstSql >= 0 && options?.mysqlClientDelimiter === true && tEnd - tStart === 2 && text.charCodeAt(tStart + 1) === 114 /* r */) {
          // the client's \\r reads its arguments from the rest of the line (past the delimiter too: `\\r db; x`
          // connects to db on host x), and the input goes on after the delimiter, when the line has one
          let e = tEnd;
          while (e < n && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
          const args = text.slice(tEnd, e).trim();
          const d = text.slice(tEnd, e).indexOf(delim);
          pos = d >= 0 ? tEnd + d + delim.length : e;
          pushSql(pos, true, args === '' ? '\\r' : `\\r ${args}`);
          continue;
        }
        const line = text.slice(tStart, tEnd).trimEnd();
        if (firstSql < 0 && options?.mysqlClientDelimiter === true && /^\\d(?:$|[^A-Za-z0-9+])/.test(line)) {
          pushLine('delimiter', tStart, line, tEnd);
          const arg = clientDelimiterArg(line);
          if (arg !== '') delim = arg;
          continue;
        }
        if (firstSql < 0 && options?.mysqlClientDelimiter === true && /^\\[cptnWws#](?![A-Za-z])./.test(line)) {
          // the client's commands that take nothing are two characters at a statement's start too: the rest is more input
          pushLine('meta', tStart, line.slice(0, 2), tStart + 2);
          pos = tStart + 2;
          continue;
        }
        if (firstSql < 0) pushLine('meta', tStart, line, tEnd);
        else pushSql(tEnd, true, line);
        continue;
      }
      default:
        break;
    }
    if (dotCommands && firstSql < 0 && type === 'punct' && text.charCodeAt(tStart) === 46 /* . */ &&
        (tStart === 0 || text.charCodeAt(tStart - 1) === 10 || text.charCodeAt(tStart - 1) === 13)) {
      let lineEnd = pos;
      while (lineEnd < n && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
      pushLine('meta', tStart, text.slice(tStart, lineEnd).trimEnd(), lineEnd);
      pos = lineEnd;
      continue;
    }
    const isWord = type === 'word';
    // the word's upper-case text, only where a keyword matters: statement start, CREATE ... bodies
    const u = isWord && (firstSql < 0 || firstWord === '' || pendingEnd || firstWord === 'CREATE') ? splitKeyword(text, tStart, tEnd) : '';
    if (firstSql < 0 && delimCommand && u === 'DELIMITER' &&
        (pos >= n || text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) {
      let lineEnd = pos;
      while (lineEnd < n && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
      const lineText = text.slice(tStart, lineEnd).trimEnd();
      const arg = lineText.slice(9).trim().split(/[ \t]+/)[0] ?? '';
      pushLine('delimiter', tStart, lineText, lineEnd);
      if (arg !== '') delim = arg;
      pos = lineEnd;
      continue;
    }
    if (firstSql < 0 && lineCommands && (MYSQL_LINE_COMMANDS.has(u) || ((u === 'CONNECT' || u === 'STATUS') && options?.mysqlClientDelimiter === true)) && atLineStart(text, tStart)) {
      // the mysql client's one-line commands at a statement's start (`use db`, `source FILE`, `quit`,
      // `exit`, and on its command line `connect`, `status`): the line is the command unless the delimiter is on it (then `use db;` is a statement the
      // runner takes as the command: mysqlClientCommand); quit and exit take nothing after them
      let lineEnd = pos;
      while (lineEnd < n && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
      const rest = text.slice(pos, lineEnd);
      const c = pos < n ? text.charCodeAt(pos) : 10;
      const separated = c === 32 || c === 9 || c === 10 || c === 13;
      if (separated && !rest.includes(delim) && !rest.includes('\\g') && (u === 'USE' || u === 'SOURCE' || u === 'CONNECT' || rest.trim() === '')) {
        pushLine('meta', tStart, text.slice(tStart, lineEnd).trimEnd(), lineEnd);
        pos = lineEnd;
        continue;
      }
    }
    if (firstSql < 0) firstSql = tStart;
    lastSqlEnd = tEnd;
    if (delim !== ';') continue; // blocks and parentheses only matter for ';' (a custom delimiter is explicit)
    if (type === 'punct') {
      const ch = text.charCodeAt(tStart);
      if (ch === 40) paren++;
      else if (ch === 41) paren = Math.max(0, paren - 1);
    }
    if (pendingEnd) {
      pendingEnd = false;
      if (END_NOT_BLOCK.has(u)) continue; // END IF / END LOOP ... close blocks we do not count
      depth = Math.max(0, depth - 1);
      if (u === 'CASE') continue; // END CASE closes one CASE
    }
    if (isWord) {
      if (firstWord === '') firstWord = u === '' ? '?' : u;
      if (firstWord === 'CREATE' && !eligible && BLOCK_OBJECTS.has(u)) eligible = true;
      if (eligible) {
        if (u === 'BEGIN' || u === 'CASE') depth++;
        else if (u === 'END') pendingEnd = true;
      }
    }
    if (fast && firstWord !== '' && firstWord !== 'CREATE' && !pendingEnd) {
      body.pos = pos;
      body.lastSqlEnd = lastSqlEnd;
      body.paren = paren;
      body.lastStart = lastStart;
      body.lastUnterminated = lastUnterminated;
      skipToEnd(text, opts, st, body);
      pos = body.pos;
      lastSqlEnd = body.lastSqlEnd;
      paren = body.paren;
      lastStart = body.lastStart;
      lastUnterminated = body.lastUnterminated;
    }
  }
  const finalParen = paren;
  const finalDepth = Math.max(0, depth - (pendingEnd ? 1 : 0));
  if (segStart < n) pushSql(n, false);
  const openToken = lastUnterminated ? lexAt(text, opts, lastStart) : undefined;
  if (openToken && out.length > 0 && out[out.length - 1]!.kind === 'sql' && !out[out.length - 1]!.complete) {
    out[out.length - 1] = { ...out[out.length - 1]!, openToken };
  }
  if (out.length > 0) last = out[out.length - 1];
  yield* out;
  const lastOpen = last !== undefined && last.kind === 'sql' && !last.complete;
  return {
    ...(openToken ? { openToken } : {}),
    parenDepth: lastOpen ? finalParen : 0,
    blockDepth: lastOpen ? finalDepth : 0,
    delimiter: delim,
  };
}
