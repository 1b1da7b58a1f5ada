/** Stage 1 of completion, text only: which kinds of thing are expected at the cursor. */
import type { SqlDialect } from '../sql/dialect.js';
import { analyzeCursor } from './analyze-cursor.js';
import type { Suggestion } from './suggestion.js';

export type { Suggestion, TableRef } from './suggestion.js';

/** Pure and total: never throws; no database. Empty inside strings and comments (except meta-command file paths). */
export function suggest(text: string, cursor: number, dialect: SqlDialect): readonly Suggestion[] {
  return analyzeCursor(text, cursor, dialect).suggestions;
}
