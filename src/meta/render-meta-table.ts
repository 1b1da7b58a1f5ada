/**
 * Renders a describe result through the normal sinks, so \T, \x and --format apply. Human formats
 * get psql's dressing: a title centred over the table and footer sections after it.
 */
import type { Session } from '../shell/session.js';
import type { MetaTable, StatementRunner } from './meta-command.js';
import { createSink } from '../output/create-sink.js';
import { displayWidth, loadDisplayWidth } from '../output/display-width.js';
import type { TextOutput } from '../output/sink.js';
import { safeText } from '../output/terminal-text.js';

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export async function renderMetaTable(session: Session, table: MetaTable, page: StatementRunner['page']): Promise<void> {
  await loadDisplayWidth();
  // a describe table has its own title, not the one \C set for query results
  const { title: _queryTitle, ...base } = session.renderOptions();
  const out = session.out;
  const human = base.format === 'table' || base.format === 'expanded';
  // psql's blank line at the end goes after the footer sections (added below), not between them and the table
  const options = { ...base, footer: human && (table.rowCount ?? false), blankLineAfter: base.blankLineAfter && !human };
  if (!human) {
    const sink = createSink(out, options);
    await sink.begin(table.columns);
    await sink.rows(table.rows);
    await sink.end({ rowCount: table.rows.length });
    return;
  }
  let buffered = '';
  const buffer: TextOutput = { write: (t) => void (buffered += t), columns: out.columns, isTTY: out.isTTY };
  const sink = createSink(buffer, options);
  await sink.begin(table.columns);
  await sink.rows(table.rows);
  await sink.end({ rowCount: table.rows.length });
  let text = '';
  // Titles and footers quote names from the database ("Table "public.x""): escaped like the values.
  if (table.title) {
    const title = safeText(table.title);
    const first = buffered.split('\n')[0]?.replace(ANSI, '') ?? '';
    const width = displayWidth(first);
    const pad = Math.max(0, Math.floor((width - displayWidth(title)) / 2));
    text += `${' '.repeat(pad)}${title}\n`;
  }
  text += buffered;
  for (const line of table.footer ?? []) text += `${safeText(line)}\n`;
  if (base.blankLineAfter) text += '\n';
  await page(text, out);
}
