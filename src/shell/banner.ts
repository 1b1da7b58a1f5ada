/** The first lines a user sees: what they are connected to and how to go on. */
import type { ConnectionInfo } from '../engines/engine.js';

const NAMES: Record<string, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', duckdb: 'DuckDB' };

export function banner(info: ConnectionInfo, demoCreated: boolean): string {
  const engine = `${NAMES[info.engine] ?? info.engine}${info.serverVersion ? ` ${info.serverVersion}` : ''}`;
  const lines: string[] = [];
  if (info.file === ':memory:' || info.label === ':memory:') {
    lines.push(`sqlsh: connected to a temporary in-memory ${engine} database; nothing is saved when you quit.`);
    lines.push('Open a file with \\c FILE (or run sqlsh FILE), a server with \\c postgres://... or mysql://..., or try sqlsh --demo.');
  } else {
    lines.push(`sqlsh: connected to ${info.url} (${engine})${info.readOnly ? ', read-only' : ''}.`);
    if (demoCreated) lines.push(`Created the demo database at ${info.file}: a music store with foreign keys to explore.`);
  }
  lines.push('Type SQL ending with ;  \\? for help  \\d to describe  Ctrl-D to quit.');
  return lines.join('\n') + '\n';
}
