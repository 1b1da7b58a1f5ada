/** The few words the statement splitter acts on, recognised without a string made for each word. */

/** CREATE ... objects whose body is a BEGIN ... END block (its `;` do not end the statement). */
export const BLOCK_OBJECTS: ReadonlySet<string> = new Set(['TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT']);
/** The mysql client's commands read as a line at a statement's start (DELIMITER aside): mysql-client-command.ts. */
export const MYSQL_LINE_COMMANDS: ReadonlySet<string> = new Set(['USE', 'SOURCE', 'QUIT', 'EXIT']);
/**
 * On the mysql client's command line, its other named commands too: those that take the rest of the line, and
 * those that take nothing.
 */
export const CLIENT_LINE_ARGUMENT: ReadonlySet<string> = new Set(['CONNECT', 'TEE', 'SYSTEM', 'PROMPT', 'CHARSET']);
export const CLIENT_LINE_ALONE: ReadonlySet<string> = new Set(['STATUS', 'NOTEE', 'WARNINGS', 'NOWARNING', 'REHASH', 'NOPAGER', 'CLEAR', 'PRINT']);
/** END IF, END LOOP ...: they close blocks the splitter does not count. */
export const END_NOT_BLOCK: ReadonlySet<string> = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR']);

/** All the words the splitter acts on (statement starts, CREATE ... bodies, END ...), upper case. */
const SPLIT_KEYWORDS: ReadonlySet<string> = new Set([
  'CREATE', 'DELIMITER', ...MYSQL_LINE_COMMANDS, ...CLIENT_LINE_ARGUMENT, ...CLIENT_LINE_ALONE, ...BLOCK_OBJECTS, 'BEGIN', 'CASE', 'END', ...END_NOT_BLOCK,
]);
const MAX_LENGTH = 9;

/**
 * SPLIT_KEYWORDS by length and first letter (index length * 32 + (code & 31)), each as [upper case,
 * lower case]: a word's characters are compared with the lower case one with their 0x20 bit set, which
 * matches exactly the letter in either case.
 */
const BY_LENGTH_AND_LETTER: readonly (readonly (readonly [string, string])[] | undefined)[] = (() => {
  const m: [string, string][][] = [];
  for (const k of SPLIT_KEYWORDS) (m[k.length * 32 + (k.charCodeAt(0) & 31)] ??= []).push([k, k.toLowerCase()]);
  return m;
})();

/**
 * The word text[a, b) upper-cased when it is one of the words the splitter acts on, else '' (all it needs
 * to know of any other word). ASCII words are compared by character codes; others are upper-cased as
 * JavaScript does it (where 'ı' and 'ſ' become ASCII letters), as the splitter always read them.
 */
export function splitKeyword(text: string, a: number, b: number): string {
  const len = b - a;
  if (len > MAX_LENGTH) return '';
  for (let i = a; i < b; i++) {
    if (text.charCodeAt(i) >= 128) {
      const u = text.slice(a, b).toUpperCase();
      return SPLIT_KEYWORDS.has(u) ? u : '';
    }
  }
  const list = BY_LENGTH_AND_LETTER[len * 32 + (text.charCodeAt(a) & 31)];
  if (list === undefined) return '';
  for (let k = 0; k < list.length; k++) {
    const lower = list[k]![1];
    let i = 0;
    while (i < len && (text.charCodeAt(a + i) | 0x20) === lower.charCodeAt(i)) i++;
    if (i === len) return list[k]![0];
  }
  return '';
}
