/**
 * psql variable interpolation, done on the lexer's tokens so that it never reaches inside quotes,
 * comments, dollar-quoted bodies or `::` casts: `:name` (the value as is), `:'name'` (a quoted
 * literal), `:"name"` (a quoted identifier) and `:{?name}` (TRUE or FALSE: is it set?). A name
 * that is not set is left as written, as psql does. The variables come in as data (see variables.ts).
 *
 * `interpolateArgs` does the same for the words after a backslash command, with psql's rules for
 * them: blanks separate words, '...' quotes (with '' and \n-style escapes), "..." is kept as written.
 */
import type { LexOptions, SqlDialect } from './dialect.js';
import { lex } from './lexer.js';
import { isVariableName, type Variables } from './variables.js';

/** How `:'x'` and `:"x"` quote a value: the engine's literal and identifier quoting. */
export interface Quoting {
  literal(value: string): string;
  ident(value: string): string;
}

/** The dialect's quoting: PostgreSQL as PQescapeLiteral (E'' when a backslash is inside), MySQL with backslash escapes. */
export function quotingFor(dialect: SqlDialect, lex: LexOptions = dialect.lex): Quoting {
  return {
    literal(value) {
      const doubled = value.replace(/'/g, "''");
      if (lex.backslashEscapes) return `'${doubled.replace(/\\/g, '\\\\')}'`;
      if (lex.eStrings && value.includes('\\')) return ` E'${doubled.replace(/\\/g, '\\\\')}'`;
      return `'${doubled}'`;
    },
    ident: (value) => dialect.quoteIdent(value),
  };
}

const BRACE_TEST = /^\{\?([\p{L}\p{N}_]+)\}/u;

/** `text` with the variables replaced; the text unchanged (same string) when no variable is used. */
export function interpolateSql(text: string, lexOpts: LexOptions, vars: Variables, quoting: Quoting): string {
  if (!text.includes(':')) return text;
  const tokens = lex(text, lexOpts);
  let out = '';
  let copied = 0;
  const replace = (start: number, end: number, value: string): void => {
    out += text.slice(copied, start) + value;
    copied = end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'param' && t.text.charCodeAt(0) === 58 /* : */) {
      const value = vars.get(t.text.slice(1));
      if (value !== undefined) replace(t.start, t.end, value);
      continue;
    }
    if (t.type !== 'operator' || t.text !== ':') continue;
    const next = tokens[i + 1];
    const brace = BRACE_TEST.exec(text.slice(t.end, t.end + 200));
    if (brace) {
      replace(t.start, t.end + brace[0].length, vars.has(brace[1]!) ? 'TRUE' : 'FALSE');
      while (i + 1 < tokens.length && tokens[i + 1]!.start < copied) i++;
      continue;
    }
    if (!next || next.unterminated || (next.type !== 'string' && next.type !== 'quoted-ident')) continue;
    const q = next.text[0];
    if ((q !== "'" && q !== '"') || next.text[next.text.length - 1] !== q || next.text.length < 3) continue;
    const name = next.text.slice(1, -1);
    const value = isVariableName(name) ? vars.get(name) : undefined;
    if (value === undefined) continue;
    replace(t.start, next.end, q === "'" ? quoting.literal(value) : quoting.ident(value));
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', b: '\b', r: '\r', f: '\f' };

/**
 * The words of a backslash command's arguments, psql style, with variables interpolated:
 * `\set x 'it''s' :y`, `\echo :'name'`. Single quotes are removed (with '' and \n \t \\ escapes),
 * double quotes kept; parts written together make one word (`a'b c'` is `ab c`).
 * `` `command` `` is the output of a shell command (its last newline removed), given by `shell`: inside
 * it `:name` is the variable's value and `:'name'` the value quoted for the shell (psql). Without
 * `shell`, backquotes are plain characters.
 */
export function interpolateArgs(raw: string, vars: Variables, quoting: Quoting, shell?: (command: string) => string): string[] {
  const words: string[] = [];
  const n = raw.length;
  let i = 0;
  while (i < n) {
    while (i < n && /\s/.test(raw[i]!)) i++;
    if (i >= n) break;
    let word = '';
    while (i < n && !/\s/.test(raw[i]!)) {
      const ch = raw[i]!;
      if (ch === "'") {
        i++;
        while (i < n) {
          const c = raw[i]!;
          if (c === "'" && raw[i + 1] === "'") (word += "'"), (i += 2);
          else if (c === "'") {
            i++;
            break;
          } else if (c === '\\' && i + 1 < n) {
            const e = raw[i + 1]!;
            word += ESCAPES[e] ?? e;
            i += 2;
          } else (word += c), i++;
        }
      } else if (ch === '`' && shell) {
        const close = raw.indexOf('`', i + 1);
        const end = close < 0 ? n : close;
        const command = raw.slice(i + 1, end).replace(/:(?:([\p{L}\p{N}_]+)|'([\p{L}\p{N}_]+)')/gu, (whole, bare?: string, quoted?: string) => {
          const value = vars.get(bare ?? quoted!);
          if (value === undefined) return whole;
          return bare !== undefined ? value : `'${value.replace(/'/g, `'\\''`)}'`;
        });
        word += shell(command).replace(/\n$/, '');
        i = Math.min(n, end + 1);
      } else if (ch === '"') {
        const close = raw.indexOf('"', i + 1);
        const end = close < 0 ? n : close + 1;
        word += raw.slice(i, end);
        i = end;
      } else if (ch === ':') {
        const rest = raw.slice(i + 1);
        const m = /^(?:([\p{L}\p{N}_]+)|'([\p{L}\p{N}_]+)'|"([\p{L}\p{N}_]+)")/u.exec(rest);
        const brace = BRACE_TEST.exec(rest);
        if (brace) {
          word += vars.has(brace[1]!) ? 'TRUE' : 'FALSE';
          i += 1 + brace[0].length;
        } else if (m && vars.has(m[1] ?? m[2] ?? m[3]!)) {
          const value = vars.get(m[1] ?? m[2] ?? m[3]!)!;
          word += m[1] !== undefined ? value : m[2] !== undefined ? quoting.literal(value).trimStart() : quoting.ident(value);
          i += 1 + m[0].length;
        } else if (m) {
          word += ch + m[0]; // not set: left as written, quotes and all (psql)
          i += 1 + m[0].length;
        } else (word += ch), i++;
      } else (word += ch), i++;
    }
    words.push(word);
  }
  return words;
}

/**
 * The text after a backslash command with variables put in, for the commands that read their words
 * themselves (\i :dir/x.sql, \o :'file', \copy ... :'path'): `:name` as is, `:'name'` as a '...' word,
 * `:"name"` as a "..." word; nothing inside '...' or "..." changes.
 */
export function interpolateArgText(raw: string, vars: Variables): string {
  if (!raw.includes(':')) return raw;
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const ch = raw[i]!;
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < n && !(raw[j] === ch && raw[j + 1] !== ch)) j += raw[j] === ch ? 2 : 1;
      out += raw.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ':') {
      const rest = raw.slice(i + 1);
      const brace = BRACE_TEST.exec(rest);
      const m = /^(?:([\p{L}\p{N}_]+)|'([\p{L}\p{N}_]+)'|"([\p{L}\p{N}_]+)")/u.exec(rest);
      if (brace) {
        out += vars.has(brace[1]!) ? 'TRUE' : 'FALSE';
        i += 1 + brace[0].length;
        continue;
      }
      const name = m ? (m[1] ?? m[2] ?? m[3]!) : undefined;
      const value = name === undefined ? undefined : vars.get(name);
      if (m && value !== undefined) {
        out += m[1] !== undefined ? value : m[2] !== undefined ? `'${value.replace(/'/g, "''")}'` : `"${value.replace(/"/g, '""')}"`;
        i += 1 + m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
