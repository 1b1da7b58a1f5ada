/** Builds a frozen SqlDialect from plain word lists; shared by the four dialect files. */
import type { EngineId, LexOptions, SqlDialect } from '../dialect.js';

/** Splits a whitespace-separated word list into an array (handy for long keyword tables). */
export function words(list: string): readonly string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

export interface DialectSpec {
  readonly id: EngineId;
  readonly name: string;
  readonly lex: LexOptions;
  /** Keywords, any case (stored upper case). Reserved words are added automatically. */
  readonly keywords: readonly string[];
  /** Reserved words, any case (stored upper case). */
  readonly reserved: readonly string[];
  /** Function names, any case (stored lower case, sorted, unique). */
  readonly functions: readonly string[];
  /** Type names, any case (stored lower case, sorted, unique). */
  readonly datatypes: readonly string[];
  readonly identifierFolding: 'lower' | 'none';
  /** The identifier quote character: '"' or '`'. */
  readonly quote: '"' | '`';
}

const BARE_IDENT = /^[A-Za-z_][A-Za-z0-9_$]*$/;

function uniqueSorted(list: readonly string[], toCase: (s: string) => string): readonly string[] {
  return Object.freeze([...new Set(list.map(toCase))].sort());
}

export function makeDialect(spec: DialectSpec): SqlDialect {
  const reserved: ReadonlySet<string> = new Set(spec.reserved.map((w) => w.toUpperCase()));
  const keywords: ReadonlySet<string> = new Set([...spec.keywords.map((w) => w.toUpperCase()), ...reserved]);
  const q = spec.quote;
  const lower = spec.identifierFolding === 'lower';
  const dialect: SqlDialect = {
    id: spec.id,
    name: spec.name,
    lex: Object.freeze({ ...spec.lex }),
    keywords,
    reserved,
    functions: uniqueSorted(spec.functions, (s) => s.toLowerCase()),
    datatypes: uniqueSorted(spec.datatypes, (s) => s.toLowerCase()),
    identifierFolding: spec.identifierFolding,
    quoteIdent(name: string): string {
      return q + name.split(q).join(q + q) + q;
    },
    needsQuoting(name: string): boolean {
      if (!BARE_IDENT.test(name)) return true;
      if (reserved.has(name.toUpperCase())) return true;
      if (lower && name !== name.toLowerCase()) return true;
      return false;
    },
  };
  return Object.freeze(dialect);
}
