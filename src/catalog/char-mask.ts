/**
 * A 32-bit set of the characters in a lower-cased name (a-z, digits as one bit, '_' and others as one bit),
 * so a fuzzy matcher can reject names lacking a typed character with one AND.
 */
export function charMask(lower: string): number {
  let m = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << 26;
    else m |= 1 << 27;
  }
  return m >>> 0;
}
