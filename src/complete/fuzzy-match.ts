/**
 * Name matching, separate from context: how well a typed pattern matches a candidate name.
 * 0 = prefix, 1 = word-boundary match (`ali` -> `album_id`, `uA` -> `userAccounts`), 2 = subsequence, -1 = no match.
 * Case-insensitive. `lowerPattern` must already be lower case.
 */
export type MatchRank = -1 | 0 | 1 | 2;

function isBoundary(name: string, i: number): boolean {
  if (i === 0) return true;
  const prev = name.charCodeAt(i - 1);
  const cur = name.charCodeAt(i);
  const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
  if (!isAlnum(prev)) return isAlnum(cur);
  const prevLower = prev >= 97 && prev <= 122;
  const curUpper = cur >= 65 && cur <= 90;
  if (prevLower && curUpper) return true; // camelCase
  const prevDigit = prev >= 48 && prev <= 57;
  const curDigit = cur >= 48 && cur <= 57;
  return prevDigit !== curDigit && (curDigit || prevDigit) && isAlnum(cur);
}

/** Can pattern[p..] be matched as prefixes of successive words of `name`, starting at or after offset `from`? */
function boundaryMatch(pattern: string, p: number, name: string, lowerName: string, from: number): boolean {
  if (p === pattern.length) return true;
  for (let s = lowerName.indexOf(pattern[p]!, from); s >= 0; s = lowerName.indexOf(pattern[p]!, s + 1)) {
    if (!isBoundary(name, s)) continue;
    let k = 1;
    while (p + k < pattern.length && s + k < lowerName.length && lowerName.charCodeAt(s + k) === pattern.charCodeAt(p + k) && !isBoundary(name, s + k)) k++;
    for (; k > 0; k--) if (boundaryMatch(pattern, p + k, name, lowerName, s + k)) return true;
  }
  return false;
}

function isSubsequence(pattern: string, lowerName: string): boolean {
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const at = lowerName.indexOf(pattern[i]!, from);
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

/**
 * Rank how `lowerPattern` matches `name`. `lowerName` may be passed when precomputed.
 * An empty pattern matches everything as a prefix.
 */
export function fuzzyMatch(lowerPattern: string, name: string, lowerName: string = name.toLowerCase()): MatchRank {
  if (lowerPattern.length === 0 || lowerName.startsWith(lowerPattern)) return 0;
  if (lowerPattern.length > lowerName.length || !isSubsequence(lowerPattern, lowerName)) return -1;
  if (boundaryMatch(lowerPattern, 0, name, lowerName, 0)) return 1;
  return 2;
}
