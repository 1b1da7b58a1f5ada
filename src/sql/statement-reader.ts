/**
 * The statement splitter's reading (splitter.ts has its interface): `next()` reads on to the next
 * statement's end. A class, not a generator's locals and closures, so that its code is shared by every
 * split and optimised once (a generator's closures are new on each call, and the optimised code of one
 * call does not fit the next). It is also the fast path's BodyScan (skip-to-end.ts).
 */
import type { LexOptions } from './dialect.js';
import { lexAt, newScanState, scanToken } from './lexer.js';
import { skipToEnd, type BodyScan } from './skip-to-end.js';
import { BLOCK_OBJECTS, CLIENT_LINE_ALONE, CLIENT_LINE_ARGUMENT, END_NOT_BLOCK, MYSQL_LINE_COMMANDS, splitKeyword } from './split-keyword.js';
import type { SplitOptions, SplitTail, Statement } from './splitter.js';

/** The delimiter a mysql client's `\\d` line sets ('' when it names none). */
export function clientDelimiterArg(line: string): string {
  return (line.slice(2).trim().split(/[ \t]+/)[0] ?? '').replace(/\\(.?)/g, '$1');
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

type MutableStatement = { -readonly [K in keyof Statement]: Statement[K] };

/** One split of a text: its state and its loop. */
export class StatementReader implements BodyScan {
  private readonly n: number;
  private delim: string;
  private readonly delimCommand: boolean;
  private readonly lineCommands: boolean;
  private readonly dotCommands: boolean;
  private readonly clientDelimiter: boolean;
  // Line numbers: statement starts only increase, so newlines are counted on from the last one asked.
  private lineOffset = 0;
  private lineNo = 1;
  /** The first LF at or after lineOffset (n: none), found with indexOf and kept until passed. */
  private nextLf = -1;
  // the statement being read
  private segStart = 0;
  private inline: { text: string; line: number }[] = NO_INLINE;
  private firstSql = -1;
  lastSqlEnd = -1;
  private firstWord = '';
  private eligible = false;
  private depth = 0;
  private pendingEnd = false;
  paren = 0;
  // the reading
  private readonly st = newScanState();
  lastStart = -1;
  lastUnterminated = false;
  pos = 0;
  /** Statements read and not yet handed over (mostly one), from index `outAt`. */
  private readonly out: MutableStatement[] = [];
  private outAt = 0;
  private last: Statement | undefined;
  private finished = false;
  private final: SplitTail | undefined;

  constructor(
    private readonly text: string,
    private readonly opts: LexOptions,
    options: SplitOptions | undefined,
    private readonly fast: boolean,
  ) {
    this.n = text.length;
    this.delim = options?.delimiter || ';';
    this.delimCommand = options?.mysqlDelimiterCommand === true;
    this.lineCommands = this.delimCommand && options?.mysqlLineCommands !== false;
    this.dotCommands = options?.dotCommands === true;
    this.clientDelimiter = options?.mysqlClientDelimiter === true;
  }

  /** The next statement, or undefined after the last one. */
  next(): Statement | undefined {
    for (;;) {
      if (this.outAt < this.out.length) {
        const s = this.out[this.outAt++]!;
        this.last = s;
        return s;
      }
      if (this.finished) return undefined;
      // (mostly one: pop() is cheaper than setting the length)
      while (this.out.length > 0) this.out.pop();
      this.outAt = 0;
      this.read();
    }
  }

  /** What was open at the end (after the last statement). */
  tail(): SplitTail {
    return this.final!;
  }

  private lineAt(offset: number): number {
    for (;;) {
      if (this.nextLf < this.lineOffset) {
        this.nextLf = this.text.indexOf('\n', this.lineOffset);
        if (this.nextLf < 0) this.nextLf = this.n;
      }
      if (this.nextLf >= offset) break;
      this.lineNo++;
      this.lineOffset = this.nextLf + 1;
    }
    if (offset > this.lineOffset) this.lineOffset = offset;
    return this.lineNo;
  }

  /** The line of `offset` without moving the incremental count (for a command inside a statement). */
  private peekLine(offset: number): number {
    let line = this.lineNo;
    for (let i = this.lineOffset; i < offset; i++) if (this.text.charCodeAt(i) === 10) line++;
    return line;
  }

  private reset(segEnd: number): void {
    this.segStart = segEnd;
    this.inline = NO_INLINE;
    this.firstSql = -1;
    this.lastSqlEnd = -1;
    this.firstWord = '';
    this.eligible = false;
    this.depth = 0;
    this.pendingEnd = false;
    this.paren = 0;
  }

  private pushSql(segEnd: number, complete: boolean, terminator?: string): void {
    const hasText = this.firstSql >= 0;
    const segStart = this.segStart;
    const start = hasText ? this.firstSql : segStart;
    const end = hasText ? this.lastSqlEnd : segStart;
    const text = hasText ? this.text.slice(start, end) : '';
    const line = this.lineAt(start);
    // (literals of fixed shapes: spreading optional fields in costs more than the rest of a short statement)
    const s: MutableStatement = terminator !== undefined
      ? { kind: 'sql', text, start, end, segmentStart: segStart, segmentEnd: segEnd, complete, terminator, line }
      : { kind: 'sql', text, start, end, segmentStart: segStart, segmentEnd: segEnd, complete, line };
    if (this.inline.length > 0) s.inlineCommands = this.inline;
    this.out.push(s);
    this.reset(segEnd);
  }

  private pushLine(kind: 'meta' | 'delimiter', start: number, lineText: string, segEnd: number): void {
    this.out.push({
      kind,
      text: lineText,
      start,
      end: start + lineText.length,
      segmentStart: this.segStart,
      segmentEnd: segEnd,
      complete: true,
      line: this.lineAt(start),
      ...(this.inline.length > 0 ? { inlineCommands: this.inline } : {}),
    });
    this.reset(segEnd);
  }

  /** The end of the line at `from` (its LF or CR, or the end of the text). */
  private lineEnd(from: number): number {
    let e = from;
    while (e < this.n && this.text.charCodeAt(e) !== 10 && this.text.charCodeAt(e) !== 13) e++;
    return e;
  }

  /** Reads on until a statement is read (in `out`) or the text ends (then the last one and the tail). */
  private read(): void {
    const text = this.text;
    const opts = this.opts;
    const n = this.n;
    const st = this.st;
    while (this.pos < n && this.out.length === 0) {
      const delim = this.delim;
      const d0 = delim.charCodeAt(0);
      if (text.charCodeAt(this.pos) === d0 && (delim.length === 1 || text.startsWith(delim, this.pos))) {
        if (this.pendingEnd) {
          this.pendingEnd = false;
          this.depth = Math.max(0, this.depth - 1);
        }
        if (delim !== ';' || (this.depth === 0 && this.paren === 0)) {
          this.pos += delim.length;
          this.pushSql(this.pos, true, delim);
          continue;
        }
      }
      const tStart = this.pos;
      let tEnd = scanToken(text, opts, tStart, this.firstSql < 0, st);
      const type = st.type;
      // A custom delimiter right after a word or an operator (`END$$`, `END//`) ends the statement there,
      // as in the mysql client; never inside strings, quoted names or comments.
      if (delim !== ';' && (type === 'word' || type === 'operator' || type === 'param' || type === 'other' || type === 'number' || type === 'executable-comment')) {
        const k = text.indexOf(delim, tStart + 1);
        if (k >= 0 && k < tEnd) tEnd = k;
      }
      this.lastStart = tStart;
      this.lastUnterminated = st.unterminated;
      this.pos = tEnd;
      if (type === 'space' || type === 'line-comment' || type === 'block-comment') continue;
      if (type === 'executable-comment') {
        // SQL to the server (a statement of executable comments only is sent), but no keyword of its own
        if (this.firstSql < 0) this.firstSql = tStart;
        this.lastSqlEnd = tEnd;
        continue;
      }
      if (type === 'backslash') {
        this.backslash(tStart, tEnd);
        continue;
      }
      if (this.dotCommands && this.firstSql < 0 && type === 'punct' && text.charCodeAt(tStart) === 46 /* . */ &&
          (tStart === 0 || text.charCodeAt(tStart - 1) === 10 || text.charCodeAt(tStart - 1) === 13)) {
        const lineEnd = this.lineEnd(this.pos);
        this.pushLine('meta', tStart, text.slice(tStart, lineEnd).trimEnd(), lineEnd);
        this.pos = lineEnd;
        continue;
      }
      const isWord = type === 'word';
      // the word's upper-case text, only where a keyword matters: statement start, CREATE ... bodies
      const u = isWord && (this.firstSql < 0 || this.firstWord === '' || this.pendingEnd || this.firstWord === 'CREATE') ? splitKeyword(text, tStart, tEnd) : '';
      if (this.firstSql < 0 && u !== '' && this.lineCommand(u, tStart)) continue;
      if (this.firstSql < 0) this.firstSql = tStart;
      this.lastSqlEnd = tEnd;
      if (delim !== ';') continue; // blocks and parentheses only matter for ';' (a custom delimiter is explicit)
      if (type === 'punct') {
        const ch = text.charCodeAt(tStart);
        if (ch === 40) this.paren++;
        else if (ch === 41) this.paren = Math.max(0, this.paren - 1);
      }
      if (this.pendingEnd) {
        this.pendingEnd = false;
        if (END_NOT_BLOCK.has(u)) continue; // END IF / END LOOP ... close blocks we do not count
        this.depth = Math.max(0, this.depth - 1);
        if (u === 'CASE') continue; // END CASE closes one CASE
      }
      if (isWord) {
        if (this.firstWord === '') this.firstWord = u === '' ? '?' : u;
        if (this.firstWord === 'CREATE' && !this.eligible && BLOCK_OBJECTS.has(u)) this.eligible = true;
        if (this.eligible) {
          if (u === 'BEGIN' || u === 'CASE') this.depth++;
          else if (u === 'END') this.pendingEnd = true;
        }
      }
      if (this.fast && this.firstWord !== '' && this.firstWord !== 'CREATE' && !this.pendingEnd) skipToEnd(text, opts, st, this);
    }
    if (this.pos >= n && this.out.length === 0) this.finish();
  }

  /** A backslash command token text[tStart, tEnd). */
  private backslash(tStart: number, tEnd: number): void {
    const text = this.text;
    if (this.opts.shortBackslashCommands && tEnd - tStart === 2 && text.charCodeAt(tStart + 1) === 45 /* - */) {
      // the mysql client's \- acts where it is read and leaves the statement open around it
      if (this.inline === NO_INLINE) this.inline = [];
      this.inline.push({ text: '\\-', line: this.peekLine(tStart) });
      return;
    }
    if (this.firstSql >= 0 && this.clientDelimiter && tEnd - tStart === 2 && text.charCodeAt(tStart + 1) === 114 /* r */) {
      // the client's \\r reads its arguments from the rest of the line (past the delimiter too: `\\r db; x`
      // connects to db on host x), and the input goes on after the delimiter, when the line has one
      const e = this.lineEnd(tEnd);
      const args = text.slice(tEnd, e).trim();
      const d = text.slice(tEnd, e).indexOf(this.delim);
      this.pos = d >= 0 ? tEnd + d + this.delim.length : e;
      this.pushSql(this.pos, true, args === '' ? '\\r' : `\\r ${args}`);
      return;
    }
    const line = text.slice(tStart, tEnd).trimEnd();
    if (this.firstSql < 0 && this.clientDelimiter && /^\\d(?:$|[^A-Za-z0-9+])/.test(line)) {
      this.pushLine('delimiter', tStart, line, tEnd);
      const arg = clientDelimiterArg(line);
      if (arg !== '') this.delim = arg;
      return;
    }
    if (this.firstSql < 0 && this.clientDelimiter && /^\\[cptnWws#](?![A-Za-z])./.test(line)) {
      // the client's commands that take nothing are two characters at a statement's start too: the rest is more input
      this.pushLine('meta', tStart, line.slice(0, 2), tStart + 2);
      this.pos = tStart + 2;
      return;
    }
    if (this.firstSql < 0) this.pushLine('meta', tStart, line, tEnd);
    else this.pushSql(tEnd, true, line);
  }

  /**
   * At a statement's start, the word `u` (one the splitter acts on) at text[tStart, pos): the MySQL client's
   * DELIMITER line, or one of its one-line commands. True when it was one (read, pos after its line).
   */
  private lineCommand(u: string, tStart: number): boolean {
    const text = this.text;
    const n = this.n;
    const pos = this.pos;
    if (this.delimCommand && u === 'DELIMITER' && (pos >= n || text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) {
      const lineEnd = this.lineEnd(pos);
      const lineText = text.slice(tStart, lineEnd).trimEnd();
      const arg = lineText.slice(9).trim().split(/[ \t]+/)[0] ?? '';
      this.pushLine('delimiter', tStart, lineText, lineEnd);
      if (arg !== '') this.delim = arg;
      this.pos = lineEnd;
      return true;
    }
    const clientLine = this.clientDelimiter && (CLIENT_LINE_ARGUMENT.has(u) || CLIENT_LINE_ALONE.has(u));
    if (this.lineCommands && (MYSQL_LINE_COMMANDS.has(u) || clientLine) && atLineStart(text, tStart)) {
      // the mysql client's one-line commands at a statement's start (`use db`, `source FILE`, `quit`,
      // `exit`, and on its command line `connect`, `status`, `system`, `tee`, `warnings` ...): the line is the command unless the delimiter is on it (then `use db;` is a statement the
      // runner takes as the command: mysqlClientCommand); quit and exit take nothing after them
      const lineEnd = this.lineEnd(pos);
      const rest = text.slice(pos, lineEnd);
      const c = pos < n ? text.charCodeAt(pos) : 10;
      const separated = c === 32 || c === 9 || c === 10 || c === 13;
      if (separated && !rest.includes(this.delim) && !rest.includes('\\g') && (u === 'USE' || u === 'SOURCE' || CLIENT_LINE_ARGUMENT.has(u) || rest.trim() === '')) {
        this.pushLine('meta', tStart, text.slice(tStart, lineEnd).trimEnd(), lineEnd);
        this.pos = lineEnd;
        return true;
      }
    }
    return false;
  }

  /** The end of the text: the statement left (not ended), the token it ends inside of, the tail. */
  private finish(): void {
    this.finished = true;
    const finalParen = this.paren;
    const finalDepth = Math.max(0, this.depth - (this.pendingEnd ? 1 : 0));
    if (this.segStart < this.n) this.pushSql(this.n, false);
    const openToken = this.lastUnterminated ? lexAt(this.text, this.opts, this.lastStart) : undefined;
    const out = this.out;
    if (openToken && out.length > 0 && out[out.length - 1]!.kind === 'sql' && !out[out.length - 1]!.complete) {
      out[out.length - 1] = { ...out[out.length - 1]!, openToken };
    }
    const last = out.length > 0 ? out[out.length - 1] : this.last;
    const lastOpen = last !== undefined && last.kind === 'sql' && !last.complete;
    this.final = {
      ...(openToken ? { openToken } : {}),
      parenDepth: lastOpen ? finalParen : 0,
      blockDepth: lastOpen ? finalDepth : 0,
      delimiter: this.delim,
    };
  }
}
