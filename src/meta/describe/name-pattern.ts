/**
 * psql-style name patterns: `tr*` (any text), `t?acks` (one character), `sales.*` (schema.name),
 * `"MixedCase"` (exact, quotes keep case and make * literal). Unquoted letters match any case.
 */

export interface NamePattern {
  /** Undefined when the pattern names no schema: objects visible in the search path. */
  readonly schema?: RegExp;
  readonly name: RegExp;
}

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function partToRegex(part: string): RegExp {
  let src = '';
  let quoted = false;
  for (let i = 0; i < part.length; i++) {
    const ch = part[i]!;
    if (ch === '"') {
      if (quoted && part[i + 1] === '"') {
        src += '"';
        i++;
      } else quoted = !quoted;
    } else if (quoted) src += escapeRe(ch);
    else if (ch === '*') src += '.*';
    else if (ch === '?') src += '.';
    else if (ch.toLowerCase() !== ch.toUpperCase()) src += `[${escapeRe(ch.toLowerCase())}${escapeRe(ch.toUpperCase())}]`;
    else src += escapeRe(ch);
  }
  return new RegExp(`^(?:${src === '' ? '.*' : src})$`, 'su');
}

/** Splits on dots outside double quotes. */
function splitDots(pattern: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of pattern) {
    if (ch === '"') quoted = !quoted;
    if (ch === '.' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

export function compileNamePattern(pattern: string): NamePattern {
  const parts = splitDots(pattern.trim());
  if (parts.length === 1) return { name: partToRegex(parts[0]!) };
  const name = parts[parts.length - 1]!;
  const schema = parts[parts.length - 2]!;
  return { schema: partToRegex(schema), name: partToRegex(name) };
}
