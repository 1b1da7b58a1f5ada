/**
 * One decoded key: `key` is a name such as 'a', 'A', '中', 'enter', 'tab', 's-tab', 'c-a', 'm-b',
 * 'up', 'm-enter', 'f2', 'escape', or 'paste' (bracketed paste, with the whole pasted `text`).
 * For printable characters `text` holds the character(s) to insert.
 */
export interface KeyPress {
  readonly key: string;
  readonly text?: string;
}

export function keyPress(key: string, text?: string): KeyPress {
  return text === undefined ? Object.freeze({ key }) : Object.freeze({ key, text });
}

/** A printable key (to be inserted as text), not a control or named key. */
export function isPrintable(k: KeyPress): boolean {
  return k.text !== undefined && k.key !== 'paste';
}
