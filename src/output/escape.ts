/**
 * Makes text safe to write to a terminal: characters that would move the cursor, change
 * colours, reorder text, start an escape sequence or hide themselves are shown as visible escapes.
 * This is the one escaping rule of the program; terminal-text.ts builds the TerminalText type on it.
 *
 * What is escaped (style: `\t` `\r` `\n` `\b` `\f` `\v` `\0` for the usual C escapes, `\xHH`
 * (lowercase hex) for code points below U+0100, `\uHHHH` above, `\u{HHHHH}` for astral ones):
 * - C0 controls (ESC is `\x1b`, BEL `\x07`), DEL, C1 controls U+0080-U+009F (U+009B is a CSI);
 * - bidi controls: U+061C, U+200E/U+200F, U+202A-U+202E, U+2066-U+2069;
 * - line/paragraph separators U+2028/U+2029;
 * - invisible format characters: soft hyphen U+00AD, U+180E, zero-width space U+200B, word joiner
 *   and invisible operators U+2060-U+2064, deprecated format controls U+206A-U+206F, the BOM /
 *   zero-width no-break space U+FEFF, interlinear annotation U+FFF9-U+FFFB;
 * - zero-width non-joiner / joiner U+200C/U+200D, EXCEPT where a script needs them: a ZWJ inside
 *   an emoji sequence (after a pictograph, skin tone or VS16 and before a pictograph), or either
 *   one between two non-ASCII letters or marks (Persian, Arabic, Indic shaping);
 * - tag characters U+E0000-U+E007F, except inside an emoji tag sequence (after U+1F3F4 or a tag);
 * - lone UTF-16 surrogates (they would reach the terminal as U+FFFD, hiding what is there); a lone
 *   U+DC80-U+DCFF is a byte of text that is not valid UTF-8 (core/surrogate-escape.ts) and is shown
 *   as that byte, `\xHH`.
 *
 * Backslashes themselves are left alone (readable paths), so the escapes are for the eye, not for
 * parsing back, and escaping is idempotent: escaped text contains nothing this would change.
 * Machine formats written to files (csv, json, tsv) never use this.
 */

import { displayWidth } from './display-width.js';

const CLASS =
  '\\x00-\\x1f\\x7f-\\x9f\\xad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb';
const PATTERN =
  `[${CLASS}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]|\\udb40[\\udc00-\\udc7f]`;
const UNSAFE = new RegExp(PATTERN);
const UNSAFE_G = new RegExp(PATTERN, 'g');

const NAMED: Readonly<Record<string, string>> = Object.freeze({
  '\t': '\\t',
  '\r': '\\r',
  '\n': '\\n',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
  '\0': '\\0',
});

/** The visible escape for one unsafe character (one UTF-16 unit, or a tag's surrogate pair). */
export function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.codePointAt(0)!;
  if (code < 0x100) return '\\x' + code.toString(16).padStart(2, '0');
  if (code >= 0xdc80 && code <= 0xdcff) return '\\x' + (code - 0xdc00).toString(16); // an escaped byte
  if (code > 0xffff) return '\\u{' + code.toString(16) + '}';
  return '\\u' + code.toString(16).padStart(4, '0');
}

const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\ufe0f/u;
const PICTOGRAPH_AFTER = /\p{Extended_Pictographic}/u;
const SCRIPT_LETTER = /[^\x00-\x7f]/;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function codePointBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.slice(i - 2, i);
  }
  return s[i - 1]!;
}

function codePointAt(s: string, i: number): string {
  const c = s.codePointAt(i);
  return c === undefined ? '' : String.fromCodePoint(c);
}

/** Joiners and tags that are part of a well-formed sequence stay as they are. */
function keptInContext(ch: string, s: string, at: number): boolean {
  const code = ch.codePointAt(0)!;
  if (code === 0x200c || code === 0x200d) {
    const before = codePointBefore(s, at);
    const after = codePointAt(s, at + 1);
    if (code === 0x200d && PICTOGRAPH.test(before) && PICTOGRAPH_AFTER.test(after)) return true;
    return SCRIPT_LETTER.test(before) && SCRIPT_LETTER.test(after) && LETTER_OR_MARK.test(before) && LETTER_OR_MARK.test(after);
  }
  if (code >= 0xe0000 && code <= 0xe007f) {
    // kept when the run of tags it belongs to starts right after U+1F3F4 (a waving black flag)
    let i = at;
    for (;;) {
      const b = codePointBefore(s, i).codePointAt(0) ?? 0;
      if (b >= 0xe0020 && b <= 0xe007e) i -= 2;
      else return b === 0x1f3f4;
    }
  }
  return false;
}

const SGR_OR_UNSAFE_G = new RegExp(`\\x1b\\[[0-9;:]*m|${PATTERN}`, 'g');

/**
 * escapeForTerminal with newlines kept (and a carriage return right before one), except that complete SGR sequences (colours) pass: the
 * last guard for text that is meant to be safe already (terminal-text.ts scrubForTerminal).
 */
export function escapeKeepingSgr(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(SGR_OR_UNSAFE_G, (m: string, at: number, whole: string) => {
    if (m.length > 2 && m.charCodeAt(0) === 0x1b) return m; // an SGR sequence
    if (m === '\n') return m;
    if (m === '\r' && whole.charCodeAt(at + 1) === 10) return m; // a line's end (csv's \r\n): moves nothing it could hide
    if ((m.length > 1 || m === '\u200c' || m === '\u200d') && keptInContext(m, whole, at)) return m;
    return escapeChar(m);
  });
}

/** True when text contains something escapeForTerminal may change (newlines included). */
export function needsEscape(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * Escapes control and invisible characters for a terminal. keepNewlines: leave '\n' as is, for
 * layouts that show multi-line values on several lines (a '\r' before it is still shown as `\r`).
 */
export function escapeForTerminal(text: string, keepNewlines = false): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_G, (ch: string, at: number, whole: string) => {
    if (keepNewlines && ch === '\n') return ch;
    if (ch.length > 1 || ch === '\u200c' || ch === '\u200d') {
      // a tag (surrogate pair) or a joiner: a script or an emoji may need it here
      if (keptInContext(ch, whole, at)) return ch;
    }
    return escapeChar(ch);
  });
}

/**
 * A server's message (an error's text, DETAIL, CONTEXT...) for the terminal: as escapeForTerminal with
 * its newlines, and its tabs kept too, as psql writes them (COPY's `CONTEXT:  COPY t, line 2: "1\tx"`).
 */
export function escapeMessage(text: string): string {
  if (!text.includes('\t')) return escapeForTerminal(text, true);
  return text.split('\t').map((part) => escapeForTerminal(part, true)).join('\t');
}

/**
 * A value's text as psql lays it out in aligned tables and expanded records (its pg_wcsformat),
 * newlines kept (they make the cell's lines): a tab becomes the spaces to the next multiple of 8
 * cells in its line, a control character `\x1B` (uppercase hex), a C1 control `\u0085`, a carriage
 * return `\r`. What psql writes raw but a terminal would obey or hide (bidi controls, zero-width and
 * other invisible characters, lone surrogates) is escaped as escapeForTerminal escapes it.
 */
export function escapeCell(text: string): string {
  if (!UNSAFE.test(text)) return text;
  const re = new RegExp(PATTERN, 'g');
  let out = '';
  let lineStart = 0;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const ch = m[0];
    const at = m.index;
    out += text.slice(last, at);
    last = at + ch.length;
    const code = ch.charCodeAt(0);
    if (ch === '\n') {
      out += ch;
      lineStart = out.length;
    } else if (ch === '\t') out += ' '.repeat(8 - (displayWidth(out.slice(lineStart)) % 8));
    else if (ch === '\r') out += '\\r';
    else if (ch.length === 1 && (code < 0x20 || code === 0x7f)) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
    else if (ch.length === 1 && code >= 0x80 && code < 0xa0) out += '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
    else if ((ch.length > 1 || ch === '\u200c' || ch === '\u200d') && keptInContext(ch, text, at)) out += ch;
    else out += escapeChar(ch);
  }
  return out + text.slice(last);
}
