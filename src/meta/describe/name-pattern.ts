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

/** Each character of a pattern part through `f`, with whether it is inside double quotes (`""` there: one quote). */
function mapPart(part: string, f: (ch: string, quoted: boolean) => string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < part.length; i++) {
    const ch = part[i]!;
    if (ch === '"') {
      if (quoted && part[i + 1] === '"') {
        out += f('"', true);
        i++;
      } else quoted = !quoted;
    } else out += f(ch, quoted);
  }
  return out;
}

/** `fold`: psql's rule, unquoted letters as lower case (`\\dO en-US*` finds no `en-US-x-icu`); else either case. */
function partToRegex(part: string, fold = false): RegExp {
  const src = mapPart(part, (ch, quoted) => {
    if (quoted) return escapeRe(ch);
    if (ch === '*') return '.*';
    if (ch === '?') return '.';
    if (fold) return escapeRe(ch.toLowerCase());
    if (ch.toLowerCase() !== ch.toUpperCase()) return `[${escapeRe(ch.toLowerCase())}${escapeRe(ch.toUpperCase())}]`;
    return escapeRe(ch);
  });
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

/** A pattern psql refuses, in psql's words (said as psql's `error: ...`). */
export class PatternError extends Error {
  override readonly name = 'PatternError';
}

/** A name part as written: quotes removed (`""` a quote), unquoted letters lower case. */
function literalPart(part: string): string {
  return mapPart(part, (ch, quoted) => (quoted ? ch : ch.toLowerCase()));
}

/**
 * psql's PATTERN. `maxParts` (psql's rule per command): 3 for schema objects (`db.schema.name`), 2 for
 * schemas and languages (`db.name`), 1 for objects outside schemas (roles, access methods...); more parts
 * are refused, and a database part must name the current database: psql has no cross-database lists.
 */
export function compileNamePattern(pattern: string, check?: { readonly maxParts: number; readonly database?: string }): NamePattern {
  const parts = splitDots(pattern.trim());
  if (check) {
    if (parts.length > check.maxParts) throw new PatternError(`improper qualified name (too many dotted names): ${pattern.trim()}`);
    if (check.maxParts > 1 && parts.length === check.maxParts && check.database !== undefined && literalPart(parts[0]!) !== check.database) {
      throw new PatternError(`cross-database references are not implemented: ${pattern.trim()}`);
    }
    if (check.maxParts > 1 && parts.length === check.maxParts) parts.shift();
  }
  // psql's rules (PostgreSQL) fold unquoted letters to lower case, as the server folds names
  const fold = check !== undefined;
  if (parts.length === 1) return { name: partToRegex(parts[0]!, fold) };
  const name = parts[parts.length - 1]!;
  const schema = parts[parts.length - 2]!;
  return { schema: partToRegex(schema, fold), name: partToRegex(name, fold) };
}
