/**
 * Text that is not valid UTF-8, carried in a JS string without losing a byte (PEP 383's
 * "surrogateescape"): each byte 0x80-0xFF that is not part of a well-formed UTF-8 sequence becomes
 * the lone low surrogate U+DC80-U+DCFF, which valid text never holds. Engines decode such values
 * with decodeUtf8Escaped (SQLite TEXT may hold any bytes); the terminal shows each as `\xNN`
 * (escape.ts), and files and pipes get the original bytes back (encodeUtf8Escaped).
 */

/** A lone U+DC80-U+DCFF: an escaped byte (not the second half of a surrogate pair). */
export const ESCAPED_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;
const ESCAPED_BYTE_G = new RegExp(ESCAPED_BYTE.source, 'g');

import { isUtf8 } from 'node:buffer';

const utf8 = new TextDecoder('utf-8');

/** Length of the well-formed UTF-8 sequence at b[i] (Unicode Table 3-7), or 0 when there is none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const second = c === 0xe0 ? cont(1, 0xa0) : c === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return second && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const second = c === 0xf0 ? cont(1, 0x90) : c === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Decodes UTF-8, turning each byte that is not part of a well-formed sequence into U+DC80-U+DCFF. */
export function decodeUtf8Escaped(bytes: Uint8Array): string {
  let out = '';
  let run = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > run) out += utf8.decode(bytes.subarray(run, i));
    out += String.fromCharCode(0xdc00 + bytes[i]!);
    i++;
    run = i;
  }
  if (bytes.length > run) out += utf8.decode(bytes.subarray(run));
  return out;
}

/** True when text holds an escaped byte. */
export function hasEscapedBytes(text: string): boolean {
  return ESCAPED_BYTE.test(text);
}

/** UTF-8 of text, with each escaped byte written as the byte itself. */
export function encodeUtf8Escaped(text: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(ESCAPED_BYTE_G)) {
    if (m.index > last) parts.push(Buffer.from(text.slice(last, m.index), 'utf8'));
    parts.push(Buffer.of(m[0].charCodeAt(0) - 0xdc00));
    last = m.index + 1;
  }
  if (last < text.length) parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

const utf8Fast = new TextDecoder('utf-8');

/**
 * A binary value's bytes as text that keeps every byte (a blob printed as its bytes, as sqlite3 and the
 * mysql client print it): valid UTF-8 reads as itself, any other byte is escaped, so files and pipes get
 * the bytes back and the terminal shows `\xNN`.
 */
export function bytesText(bytes: Uint8Array): string {
  return isUtf8(bytes) ? utf8Fast.decode(bytes) : decodeUtf8Escaped(bytes);
}
