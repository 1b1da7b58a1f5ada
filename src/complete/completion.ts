/** A completion candidate: what to insert, which range of the text it replaces, and what it is. */

export type CompletionKind =
  | 'keyword'
  | 'schema'
  | 'table'
  | 'view'
  | 'cte'
  | 'column'
  | 'alias'
  | 'join'
  | 'join-condition'
  | 'function'
  | 'datatype'
  | 'database'
  | 'index'
  | 'constraint'
  | 'role'
  | 'sequence'
  /** A value the column takes: an ENUM's label, quoted. */
  | 'value'
  | 'collation'
  | 'charset'
  | 'extension'
  | 'meta-command'
  | 'named-query'
  | 'file'
  | 'setting'
  | 'history';

export interface Completion {
  /** Text that replaces the range (already quoted and cased as needed). */
  readonly text: string;
  /** The range of the input it replaces: [start, end) in UTF-16 offsets. start <= cursor <= end. */
  readonly replace: { readonly start: number; readonly end: number };
  readonly kind: CompletionKind;
  /** Short extra shown in the menu: a column's type, a table's schema, a function's signature. */
  readonly detail?: string;
  /** Label shown in the menu when it differs from text (e.g. without quotes). */
  readonly display?: string;
}
