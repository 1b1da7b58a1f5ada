/** The first lines a user sees: what they are connected to and how to go on. */
import type { ConnectionInfo } from '../engines/engine.js';
import { displayWidth, wrapToWidth } from '../output/display-width.js';

const NAMES: Record<string, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', duckdb: 'DuckDB' };

/**
 * Lines laid out for the terminal's width: phrases (parts joined by `sep`) are packed whole onto a
 * line while they fit; a phrase wider than the line is word-wrapped.
 */
function fit(parts: readonly string[], sep: string, columns: number | undefined): string[] {
  const whole = parts.join(sep);
  if (!columns || columns <= 0 || displayWidth(whole) <= columns) return [whole];
  const out: string[] = [];
  let line = '';
  for (const part of parts) {
    const next = line === '' ? part : line + sep + part;
    if (displayWidth(next) <= columns) line = next;
    else {
      if (line !== '') out.push(line);
      const pieces = wrapToWidth(part, columns).map((p) => p.trimEnd());
      line = pieces.pop() ?? '';
      out.push(...pieces);
    }
  }
  if (line !== '') out.push(line);
  return out;
}

export function banner(info: ConnectionInfo, demoCreated: boolean, columns?: number): string {
  const engine = `${NAMES[info.engine] ?? info.engine}${info.serverVersion ? ` ${info.serverVersion}` : ''}`;
  const lines: string[] = [];
  if (info.file === ':memory:' || info.label === ':memory:') {
    lines.push(`sqlsh: connected to a temporary in-memory ${engine} database; nothing is saved when you quit.`);
    lines.push('Open a file with \\c FILE (or run sqlsh FILE), a server with \\c postgres://... or mysql://..., or try sqlsh --demo.');
  } else {
    lines.push(`sqlsh: connected to ${info.url} (${engine})${info.readOnly ? ', read-only' : ''}.`);
    if (demoCreated) lines.push(`Created the demo database at ${info.file}: a music store with foreign keys to explore.`);
  }
  const laid = lines.flatMap((l) => fit(l.split(' '), ' ', columns));
  laid.push(...fit(['Type SQL ending with ;', '\\? for help', '\\d to describe', 'Ctrl-D to quit.'], '  ', columns));
  return laid.join('\n') + '\n';
}
