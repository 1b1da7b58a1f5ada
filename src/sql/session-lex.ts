/**
 * Lexing that follows the session: settings the server reads strings by, read back from the server
 * after a statement that may have changed them, turned into lexer flags (plain data, no globals).
 * - PostgreSQL `standard_conforming_strings = off`: backslashes escape in '...' strings.
 * - MySQL/MariaDB `sql_mode`: ANSI_QUOTES makes "..." a quoted name; NO_BACKSLASH_ESCAPES turns backslash escapes off.
 */
import type { EngineId, LexOptions } from './dialect.js';

/** A statement after which the reading rules may have changed (SET, RESET, SET SESSION, SET @@...). */
export function mayChangeLexing(engine: EngineId, sql: string): boolean {
  // anywhere in the text: after a comment, in a `\\;` request, in a function's SET clause
  // (the setting's name looked for first: the pattern after each `set` of a long text would read on to its end)
  if (engine === 'postgres') {
    return (/standard_conforming_strings/i.test(sql) && /\b(?:set|reset|set_config)\b[\s\S]*\bstandard_conforming_strings\b/i.test(sql))
      || /\b(?:reset\s+all|discard\s+all)\b/i.test(sql);
  }
  // (a mysqldump line sets it inside an executable comment: `/*!40101 SET SQL_MODE=... */`)
  if (engine === 'mysql') return /^\s*(?:\/\*M?!\d*\s*)?set\b[\s\S]*\bsql_mode\b/i.test(sql);
  return false;
}

/** The setting the server reports by itself (no query needed), when the engine has one. */
export function lexSettingReported(engine: EngineId): string | undefined {
  return engine === 'postgres' ? 'standard_conforming_strings' : undefined;
}

/** The statement that reads the setting back, or undefined for engines whose lexing never changes. */
export function lexSettingQuery(engine: EngineId): string | undefined {
  if (engine === 'postgres') return 'show standard_conforming_strings';
  if (engine === 'mysql') return 'select @@session.sql_mode';
  return undefined;
}

/** The changes to the dialect's flags for the setting's value as the server reports it. */
export function lexChangesFor(engine: EngineId, value: string): Partial<LexOptions> {
  if (engine === 'postgres') return value.trim().toLowerCase() === 'off' ? { backslashEscapes: true } : {};
  if (engine === 'mysql') {
    const modes = new Set(value.toUpperCase().split(',').map((m) => m.trim()));
    return {
      ...(modes.has('ANSI_QUOTES') ? { doubleQuoteStrings: false } : {}),
      ...(modes.has('NO_BACKSLASH_ESCAPES') ? { backslashEscapes: false } : {}),
    };
  }
  return {};
}
