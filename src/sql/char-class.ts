/** Character classes for the lexer's hot loops: one table lookup per ASCII character instead of chains of tests. */

/** Classes of ASCII characters (index = char code). Codes >= 128 are handled by `isIdentStartCode`. */
export const enum Cls {
  Other = 0,
  Space = 1,
  Digit = 2,
  /** A-Z, a-z, _ */
  Letter = 3,
  /** ( ) , ; . [ ] { } (some have special meanings first: `.5`, `[ident]`) */
  Punct = 4,
  /** + - * / % = < > ! ~ ^ & | # @ ? : (some start comments or parameters first) */
  Op = 5,
  /** ' " ` $ \ : handled one by one */
  Special = 6,
}

function build(): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of [9, 10, 11, 12, 13, 32]) t[c] = Cls.Space;
  for (let c = 48; c <= 57; c++) t[c] = Cls.Digit;
  for (let c = 65; c <= 90; c++) t[c] = Cls.Letter;
  for (let c = 97; c <= 122; c++) t[c] = Cls.Letter;
  t[95] = Cls.Letter;
  for (const ch of '(),;.[]{}') t[ch.charCodeAt(0)] = Cls.Punct;
  for (const ch of '+-*/%=<>!~^&|#@?:') t[ch.charCodeAt(0)] = Cls.Op;
  for (const ch of '\'"`$\\') t[ch.charCodeAt(0)] = Cls.Special;
  return t;
}

export const CHAR_CLASS: Uint8Array = build();

/** 1 for ASCII characters that continue a bare word: letters, digits, _ and $. */
export const IDENT_PART: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (CHAR_CLASS[c] === Cls.Letter || CHAR_CLASS[c] === Cls.Digit) t[c] = 1;
  t[36] = 1;
  return t;
})();

/** A character that starts a bare word: ASCII letter or _, or any non-ASCII character except NBSP and BOM. */
export function isIdentStartCode(c: number): boolean {
  return c < 128 ? CHAR_CLASS[c] === Cls.Letter : c !== 0xa0 && c !== 0xfeff;
}

/** A character that continues a bare word (NaN, past the end, is not). */
export function isIdentPartCode(c: number): boolean {
  return c < 128 ? IDENT_PART[c] === 1 : c !== 0xa0 && c !== 0xfeff;
}

/** Index just past the bare word that continues at `from`. */
export function scanWord(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 ? IDENT_PART[c] === 0 : c === 0xa0 || c === 0xfeff) break;
    i++;
  }
  return i;
}
