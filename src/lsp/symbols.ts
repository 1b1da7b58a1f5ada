/**
 * The statements of a file (the shell's own splitter: dialect quoting, dollar quotes, BEGIN ... END
 * bodies, MySQL DELIMITER) as document symbols, and the statement under a cursor.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { SqlDialect } from '../index.js';
import { classifyStatement } from '../sql/classify.js';
import { splitStatements, type Statement } from '../sql/splitter.js';

export function statementsOf(text: string, dialect: SqlDialect): readonly Statement[] {
  return splitStatements(text, dialect.lex, { mysqlDelimiterCommand: dialect.id === 'mysql' }).filter((s) => s.text !== '');
}

/** The statement under the cursor: the one whose text holds it, else the last one that starts before it (the cursor after its `;`). */
export function statementAt(text: string, offset: number, dialect: SqlDialect): Statement | undefined {
  const list = statementsOf(text, dialect);
  let best: Statement | undefined;
  for (const s of list) {
    if (s.start <= offset && offset <= s.end + (text[s.end] === ';' ? 1 : 0)) return s;
    if (s.start <= offset) best = s;
  }
  return best ?? list[0];
}

const KIND: Record<string, SymbolKind> = { query: SymbolKind.Function, dml: SymbolKind.Method, ddl: SymbolKind.Struct, transaction: SymbolKind.Event, session: SymbolKind.Property, other: SymbolKind.Object };

export function documentSymbols(text: string, dialect: SqlDialect, toRange: (start: number, end: number) => DocumentSymbol['range']): DocumentSymbol[] {
  return statementsOf(text, dialect).map((s) => {
    const firstLine = s.text.split('\n')[0]!.replace(/\s+/g, ' ').trim();
    const name = firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
    const cls = s.kind === 'sql' ? classifyStatement(s.text, dialect) : undefined;
    const end = s.end + (text[s.end] === ';' ? 1 : 0);
    return {
      name: name || s.kind,
      detail: cls ? `${cls.keyword || cls.kind} · line ${s.line}` : s.kind,
      kind: cls ? KIND[cls.kind] ?? SymbolKind.Object : SymbolKind.Key,
      range: toRange(s.start, Math.max(end, s.start)),
      selectionRange: toRange(s.start, s.start + s.text.split('\n')[0]!.length),
    };
  });
}
