/**
 * Makes text safe to write to a terminal: characters that would move the cursor, change
 * colours, reorder text or start an escape sequence are shown as visible escapes instead.
 *
 * Style (one, consistent): `\t` `\r` `\n` `\b` `\f` `\v` `\0` for the usual C escapes,
 * `\xHH` (lowercase hex) for the other C0 controls, DEL and C1 controls (ESC is `\x1b`),
 * `\uHHHH` for bidi controls (U+202A-202E, U+2066-2069, U+200E/200F, U+061C), line/paragraph
 * separators (U+2028/2029) and the BOM (U+FEFF).
 * Backslashes themselves are left alone (readable paths); the escapes are for the eye,
 * not for parsing back — machine formats (csv, json, tsv) never use this.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_G = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = Object.freeze({
  '\t': '\\t',
  '\r': '\\r',
  '\n': '\\n',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
  '\0': '\\0',
});

/** The visible escape for one unsafe character. */
export function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  if (code < 0x100) return '\\x' + code.toString(16).padStart(2, '0');
  return '\\u' + code.toString(16).padStart(4, '0');
}

/** True when text contains something escapeForTerminal would change (newlines included). */
export function needsEscape(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * Escapes control characters for a terminal. keepNewlines: leave '\n' as is, for layouts that
 * show multi-line values on several lines (a '\r' before it is still shown as `\r`).
 */
export function escapeForTerminal(text: string, keepNewlines = false): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_G, (ch) => (keepNewlines && ch === '\n' ? ch : escapeChar(ch)));
}
