/**
 * Expands the prompt template from the settings: {engine} {db} {user} {host} {tx}. The template is
 * the user's own (it may hold SGR colours); the values come from outside (a database or file name
 * can hold ESC or U+202E) and are escaped, so the editor passes only the template's SGR through.
 */
import type { ConnectionInfo, TransactionStatus } from '../engines/engine.js';
import { safeText } from '../output/terminal-text.js';

const ENGINE_SHORT: Record<string, string> = { sqlite: 'sqlite', postgres: 'pg', mysql: 'mysql', duckdb: 'duckdb' };

export function formatPrompt(template: string, info: ConnectionInfo, tx: TransactionStatus): string {
  const marker = tx === 'in-transaction' ? '*' : tx === 'failed' ? '!' : '';
  return template.replace(/\{(engine|db|user|host|tx)\}/g, (_, k: string) => safeText(value(k)));
  function value(k: string): string {
    switch (k) {
      case 'engine':
        return ENGINE_SHORT[info.engine] ?? info.engine;
      case 'db':
        return info.label;
      case 'user':
        return info.user ?? '';
      case 'host':
        return info.host ?? '';
      default:
        return marker;
    }
  }
}

/** What the continuation prompt says about why Enter did not run the statement. */
export function continuationHint(reason: string | undefined): string {
  switch (reason) {
    case 'open-string':
      return "'";
    case 'open-quoted-identifier':
      return '"';
    case 'open-comment':
      return '*';
    case 'open-dollar-quote':
      return '$';
    case 'open-paren':
      return '(';
    case 'open-block':
      return 'B';
    default:
      return '-';
  }
}
