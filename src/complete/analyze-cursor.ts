/**
 * Stage 1 entry: text + cursor -> the word being completed and what is expected there.
 * Pure and total: never throws, never looks at a database.
 */
import type { SqlDialect } from '../sql/dialect.js';
import { lex } from '../sql/lexer.js';
import { isTrivia, type Token } from '../sql/token.js';
import { codeContext, tableRefAt } from './code-context.js';
import { locateCursor } from './cursor-position.js';
import { functionBodyRange, procedureStatement } from './function-body.js';
import { statementRange } from './statement-range.js';
import type { Suggestion, SuggestResult, TableRef, WordAtCursor } from './suggestion.js';

const FILE_COMMANDS = new Set(['i', 'ir', 'include', 'include_relative', 'o', 'out', 'w', 'write', 'e', 'edit', 'save', 'read', 'output', 'once']);
const RELATION_COMMANDS = /^d[tvmsEi]*S?\+?$|^z$|^dp$/;

const none = (cursor: number): SuggestResult => ({ word: { start: cursor, end: cursor, prefix: '', quoted: false }, suggestions: [] });

/** A meta-command line: `\cmd arg arg`. Complete the command name, or its argument under the cursor. */
function metaContext(tok: Token, cursor: number): SuggestResult {
  const text = tok.text;
  const rel = cursor - tok.start;
  const m = /^\\(\S*)/.exec(text)!;
  const cmdEnd = m[0].length;
  if (rel <= cmdEnd) {
    const word: WordAtCursor = { start: tok.start, end: tok.start + cmdEnd, prefix: text.slice(0, rel), quoted: false };
    return { word, suggestions: [{ kind: 'meta-command' }] };
  }
  const cmd = m[1]!;
  // the argument under the cursor: from the last space (or opening quote) before it to the next space
  let s = rel;
  while (s > cmdEnd && !/\s/.test(text[s - 1]!)) s--;
  let e = rel;
  while (e < text.length && !/\s/.test(text[e]!)) e++;
  let prefix = text.slice(s, rel);
  let start = tok.start + s;
  const quoteAt = Math.max(prefix.lastIndexOf("'"), prefix.lastIndexOf('"'));
  const args = text.slice(cmdEnd, s).trim().split(/\s+/).filter((x) => x.length > 0);
  if (cmd === 'copy') {
    const prevArg = (args[args.length - 1] ?? '').toLowerCase();
    if (quoteAt >= 0 || prevArg === 'from' || prevArg === 'to') {
      if (quoteAt >= 0) {
        start += quoteAt + 1;
        prefix = prefix.slice(quoteAt + 1);
        if (text[e - 1] === "'" || text[e - 1] === '"') e--;
      }
      return { word: { start, end: tok.start + e, prefix, quoted: false }, suggestions: [{ kind: 'file-path' }] };
    }
    return { word: { start, end: tok.start + e, prefix, quoted: false }, suggestions: args.length === 0 ? [{ kind: 'relation' }] : [] };
  }
  const word: WordAtCursor = { start, end: tok.start + e, prefix, quoted: false };
  const base = cmd.replace(/[+S]+$/, '');
  let suggestions: Suggestion[];
  if (FILE_COMMANDS.has(cmd)) suggestions = [{ kind: 'file-path' }];
  else if (cmd === 'c' || cmd === 'connect' || cmd === 'l' || cmd === 'list') suggestions = args.length === 0 ? [{ kind: 'database' }] : [];
  else if (base === 'dn') suggestions = [{ kind: 'schema' }];
  else if (base === 'df' || base === 'sf' || base === 'ef') suggestions = [{ kind: 'function' }];
  else if (base === 'dT') suggestions = [{ kind: 'datatype' }];
  else if (base === 'du' || base === 'dg' || base === 'drds') suggestions = [{ kind: 'role' }];
  else if (RELATION_COMMANDS.test(cmd) || cmd === 'describe' || cmd === 'sv' || cmd === 'ev') {
    suggestions = prefix.includes('.') ? [] : [{ kind: 'relation' }, { kind: 'schema' }];
    const dot = prefix.lastIndexOf('.');
    if (dot >= 0) {
      return { word: { ...word, start: start + dot + 1, prefix: prefix.slice(dot + 1) }, suggestions: [{ kind: 'relation', schema: prefix.slice(0, dot) }] };
    }
  } else suggestions = [{ kind: 'meta-arg', command: cmd }];
  return { word, suggestions };
}

/** Functions whose first argument is a file to read (DuckDB). */
const FILE_READERS = /^(read_csv|read_csv_auto|read_parquet|parquet_scan|read_json|read_json_auto|read_ndjson|read_ndjson_auto|read_json_objects|read_text|read_blob|read_xlsx|glob|sniff_csv|parquet_metadata|parquet_schema)$/i;

/**
 * A string that names a file on this machine: `read_csv('|`, DuckDB's `FROM '|`, `ATTACH '|` (SQLite, DuckDB), and
 * DuckDB's `COPY ... TO '|` / `FROM '|`: the file names are offered inside it. (PostgreSQL's COPY reads the server's
 * files, not these.)
 */
function fileArgument(tokens: readonly Token[], str: Token, text: string, c: number, dialect: SqlDialect): SuggestResult | undefined {
  if (!str.text.startsWith("'") || (dialect.id !== 'duckdb' && dialect.id !== 'sqlite')) return undefined;
  const i = tokens.indexOf(str);
  const sig: Token[] = [];
  for (let j = i - 1; j >= 0 && sig.length < 3; j--) if (!isTrivia(tokens[j]!)) sig.push(tokens[j]!);
  const [p1, p2] = sig;
  const word = (t: Token | undefined): string => (t?.type === 'word' ? t.text.toUpperCase() : '');
  const names = (p1?.text === '(' && p2 && FILE_READERS.test(p2.text) && dialect.id === 'duckdb')
    || word(p1) === 'ATTACH' || (word(p1) === 'DATABASE' && word(p2) === 'ATTACH')
    || (dialect.id === 'duckdb' && (word(p1) === 'FROM' || word(p1) === 'JOIN' || ((word(p1) === 'TO' || word(p1) === 'FROM') && tokens.slice(0, i).some((t) => word(t) === 'COPY'))));
  if (!names) return undefined;
  const start = str.start + 1;
  const closed = str.end - str.start >= 2 && text[str.end - 1] === "'";
  const end = closed ? str.end - 1 : str.end;
  return { word: { start, end: Math.max(end, c), prefix: text.slice(start, c), quoted: false }, suggestions: [{ kind: 'file-path' }] };
}

/**
 * SQLite: an argument of a sqlite3 dot-command typed on its line: the file of `.read |`, `.import |`, `.output |`,
 * `.once |`, and the table after `.import FILE |`.
 */
function dotCommandArgument(text: string, c: number): SuggestResult | undefined {
  const lineStart = text.lastIndexOf('\n', c - 1) + 1;
  const m = /^\.(read|import|output|once)\s+(.*?)(\S*)$/s.exec(text.slice(lineStart, c));
  if (!m) return undefined;
  // the words before this one, options (--csv, --skip 1) left out
  const done = m[2]!.split(/\s+/).filter((w) => w !== '');
  const args = done.filter((w, i) => !w.startsWith('-') && !(done[i - 1] === '--skip'));
  const prefix = m[3]!;
  const word = { start: c - prefix.length, end: c, prefix, quoted: false };
  if (args.length === 0 && !prefix.startsWith('-')) return { word, suggestions: [{ kind: 'file-path' }] };
  if (m[1] === 'import' && args.length === 1) return { word, suggestions: [{ kind: 'relation' }] };
  return { word, suggestions: [] };
}

/** nextval('|'), currval('|'), setval('|'): the string names a sequence (PostgreSQL, DuckDB). */
function sequenceArgument(tokens: readonly Token[], str: Token, text: string, c: number): SuggestResult | undefined {
  if (!str.text.startsWith("'")) return undefined;
  const i = tokens.indexOf(str);
  let j = i - 1;
  while (j >= 0 && isTrivia(tokens[j]!)) j--;
  if (tokens[j]?.text !== '(') return undefined;
  j--;
  while (j >= 0 && isTrivia(tokens[j]!)) j--;
  if (!/^(nextval|currval|setval)$/i.test(tokens[j]?.text ?? '')) return undefined;
  const start = str.start + 1;
  const closed = str.end - str.start >= 2 && text[str.end - 1] === "'";
  const end = closed ? str.end - 1 : str.end;
  return { word: { start, end: Math.max(end, c), prefix: text.slice(start, c), quoted: false }, suggestions: [{ kind: 'sequence' }] };
}

/** PostgreSQL's `SET [SESSION|LOCAL] SCHEMA '|'`: the schema names, written inside the quotes. */
function schemaArgument(tokens: readonly Token[], str: Token, text: string, c: number, dialect: SqlDialect): SuggestResult | undefined {
  if (dialect.id !== 'postgres' || !str.text.startsWith("'")) return undefined;
  const sig = tokens.filter((t) => t.end <= str.start && !isTrivia(t));
  const words = sig.slice(-4).map((t) => t.text.toUpperCase());
  const at = words.lastIndexOf('SCHEMA');
  if (at !== words.length - 1 || !words.slice(0, at).some((w) => w === 'SET')) return undefined;
  const setAt = sig.length - words.length + words.indexOf('SET');
  if (setAt > 0 && sig[setAt - 1]!.text !== ';') return undefined;
  const start = str.start + 1;
  const closed = str.end - str.start >= 2 && text[str.end - 1] === "'";
  const end = closed ? str.end - 1 : str.end;
  return { word: { start, end: Math.max(end, c), prefix: text.slice(start, c), quoted: false }, suggestions: [{ kind: 'schema', bare: true }] };
}

/**
 * Inside the body of `CREATE TRIGGER ... ON t` (SQLite, MySQL): NEW and OLD, the rows of t a statement there may
 * name (`NEW.|` completes t's columns). None elsewhere.
 */
function triggerRows(text: string, tokens: readonly Token[], c: number, dialect: SqlDialect): TableRef[] {
  const range = statementRange(text, c, dialect);
  const sig = tokens.filter((t) => t.start >= range.start && t.end <= c && !isTrivia(t));
  if (!/^create$/i.test(sig[0]?.text ?? '')) return [];
  const trigger = sig.findIndex((t) => /^trigger$/i.test(t.text));
  const on = trigger < 0 ? -1 : sig.findIndex((t, i) => i > trigger && /^on$/i.test(t.text) && t.type === 'word');
  const base = on < 0 ? undefined : tableRefAt(sig, on + 1);
  return base ? [{ ...base, alias: 'NEW' }, { ...base, alias: 'OLD' }] : [];
}

/** The name of a dot-command under the cursor (`.|`, `.ta|`): the `.` starts the statement, at a line's start. */
function dotCommandAt(text: string, sig: readonly Token[], before: number, word: WordAtCursor, c: number): SuggestResult | undefined {
  const dot = sig[0];
  if (before !== 1 || !dot || dot.text !== '.' || (dot.start > 0 && text[dot.start - 1] !== '\n' && text[dot.start - 1] !== '\r')) return undefined;
  if (word.start !== c - word.prefix.length || (word.prefix !== '' && word.start !== dot.end) || (word.prefix === '' && c !== dot.end)) return undefined;
  return { word: { start: dot.start, end: word.end, prefix: text.slice(dot.start, c), quoted: false }, suggestions: [{ kind: 'meta-command', dot: true }] };
}

/** What is expected at `cursor` in `text` (offsets in UTF-16 code units; the cursor is clamped to the text). */
export function analyzeCursor(text: string, cursor: number, dialect: SqlDialect): SuggestResult {
  const c = Math.max(0, Math.min(text.length, Number.isFinite(cursor) ? Math.floor(cursor) : text.length));
  return analyzeAt(text, c, dialect, 0);
}

/**
 * A quoted name being typed (`SELECT \`fi| FROM t`, `WHERE "e| = 1`) has no closing quote yet: the lexer
 * runs it on to the next quote or the end of the text, across the rest of the statement. When closing it
 * at the cursor pairs the quotes up (fewer quoted names left open), the text is read that way: the word
 * ends at the cursor and the FROM after it is seen.
 */
function closedAtCursor(text: string, c: number, tokens: readonly Token[], dialect: SqlDialect): string | undefined {
  const tok = tokens.find((t) => t.type === 'quoted-ident' && t.start < c && c <= t.end);
  if (!tok) return undefined;
  const open = (ts: readonly Token[]): number => ts.reduce((n, t) => n + (t.type === 'quoted-ident' && t.unterminated ? 1 : 0), 0);
  const before = open(tokens);
  if (before === 0) return undefined;
  const q = tok.text.charCodeAt(1) === 38 /* U&" */ ? tok.text[2] : tok.text[0];
  const fixed = `${text.slice(0, c)}${q === '[' ? ']' : q}${text.slice(c)}`;
  return open(lex(fixed, dialect.lex)) < before ? fixed : undefined;
}

/** `depth` > 0: `text` is a function body (nested at most a few times: a DO inside a body). */
function analyzeAt(text: string, c: number, dialect: SqlDialect, depth: number, closed = false): SuggestResult {
  // a sqlite3 dot-command's file (or table) argument: its line is not SQL (`--csv` is not a comment there)
  const dotArg = dialect.id === 'sqlite' && depth === 0 ? dotCommandArgument(text, c) : undefined;
  if (dotArg) return dotArg;
  const tokens = lex(text, dialect.lex);
  const fixed = closed ? undefined : closedAtCursor(text, c, tokens, dialect);
  if (fixed !== undefined) {
    // offsets after the cursor are one more in the fixed text: the word ends at the cursor here
    const r = analyzeAt(fixed, c, dialect, depth, true);
    const back = (n: number): number => (n > c ? n - 1 : n);
    return { word: { ...r.word, start: back(r.word.start), end: back(r.word.end) }, suggestions: r.suggestions };
  }
  const place = locateCursor(text, c, tokens, (pos) => statementRange(text, pos, dialect));
  switch (place.place) {
    case 'comment':
      return none(c);
    case 'string': {
      // the $$ body of CREATE FUNCTION / DO: SQL again, analysed on its own text, offsets mapped back
      const seq = sequenceArgument(tokens, place.token, text, c) ?? schemaArgument(tokens, place.token, text, c, dialect) ?? fileArgument(tokens, place.token, text, c, dialect);
      if (seq) return seq;
      const body = depth < 4 && dialect.lex.dollarQuotes ? functionBodyRange(tokens, place.token, c, statementRange(text, place.token.start, dialect)) : undefined;
      if (!body) return none(c);
      const inner = analyzeAt(text.slice(body.start, body.end), c - body.start, dialect, depth + 1);
      const w = inner.word;
      return { word: { ...w, start: w.start + body.start, end: w.end + body.start }, suggestions: inner.suggestions };
    }
    case 'meta': {
      // \ns NAME QUERY (a named query): the query is SQL, completed as such
      const ns = /^\\ns[ \t]+\S+[ \t]+/.exec(place.token.text);
      if (ns && c >= place.token.start + ns[0].length) {
        const start = place.token.start + ns[0].length;
        const inner = analyzeAt(text.slice(start, place.token.end), c - start, dialect, depth);
        const w = inner.word;
        return { word: { ...w, start: w.start + start, end: w.end + start }, suggestions: inner.suggestions };
      }
      return metaContext(place.token, c);
    }
    case 'code': {
      // in or right after a number or a parameter (`LIMIT 1|0`, `$1|`), inside an operator (`:|:`): nothing to complete
      // and right after a lone `:`, `@` or `$` (a word there would become a parameter: `:name`, `@var`)
      const split = (t: Token): boolean => t.start < c && c <= t.end
        && (t.type === 'number' || t.type === 'param' || (c < t.end && t.type === 'operator') || (c === t.end && (t.text === ':' || t.text === '@' || t.text === '$')));
      // SQLite: a `.` at a line's start begins one of the sqlite3 shell's dot-commands (`.ta|` -> .tables), some take a file
      if (dialect.id === 'sqlite' && depth === 0) {
        const dot = dotCommandAt(text, place.sig, place.before, place.word, c);
        if (dot) return dot;
      }
      if (tokens.some(split)) return none(c);
      let all = place.sig;
      let before = place.before;
      if (depth > 0) {
        // inside a PL/pgSQL block: the SQL part of the statement (after BEGIN, IF ... THEN, RETURN QUERY, ...)
        const st = procedureStatement(all, before);
        all = all.slice(st.from, st.to);
        before -= st.from;
        if (st.perform && all[0]) all = [{ ...all[0], type: 'word', text: 'SELECT' }, ...all.slice(1)];
      }
      const sig = all.filter((t) => !(t.start === place.word.start && t.end === place.word.end && place.word.end > place.word.start));
      const around = (): TableRef[] => (depth === 0 && (dialect.id === 'sqlite' || dialect.id === 'mysql') ? triggerRows(text, tokens, c, dialect) : []);
      const suggestions = codeContext(sig, before, dialect, place.word.end > place.word.start ? -1 : c, around);
      // the star's expansion replaces the star (and its `t.`)
      const star = suggestions.length === 1 && suggestions[0]!.kind === 'star' ? suggestions[0] : undefined;
      const word = star ? { start: star.from, end: c, prefix: '', quoted: false } : place.word;
      return { word, suggestions: Object.freeze(suggestions) };
    }
  }
}
