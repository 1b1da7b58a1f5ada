/**
 * Renders a describe result through the normal sinks, so \T, \x and --format apply, with psql's
 * dressing in each format's own form: the title (centred over an aligned table, a caption in html,
 * `.Title` in asciidoc ...) and the footer lines (`Owned by: ...`, `Indexes:`; for lists the `(N rows)`
 * count, as `\pset footer` says), none of them with tuples only, as psql (output/sink.ts footerLines).
 * A relation's column list (`\d TABLE`) stays a table with `\x`, as in psql.
 */
import type { Session } from '../shell/session.js';
import type { MetaTable, StatementRunner } from './meta-command.js';
import { createSink } from '../output/create-sink.js';
import { loadDisplayWidth } from '../output/display-width.js';
import type { TextOutput } from '../output/sink.js';

export async function renderMetaTable(session: Session, table: MetaTable, page: StatementRunner['page']): Promise<void> {
  await loadDisplayWidth();
  // a describe table has its own title, not the one \C set for query results
  const { title: _queryTitle, ...base } = session.renderOptions();
  const out = session.out;
  const human = base.format === 'table' || base.format === 'expanded';
  const options = {
    ...base,
    ...(table.title !== undefined ? { title: table.title } : {}),
    // a list's footer is its row count (\pset footer); \d NAME's are its own lines (they win, as in psql)
    ...(table.rowCount && !table.footer?.length ? { footer: base.footer } : { footer: false, footers: table.footer ?? [] }),
    ...(table.expanded === false && base.expanded !== 'vertical' ? { expanded: 'off' as const, ...(base.format === 'expanded' ? { format: 'table' as const } : {}) } : {}),
  };
  if (!human) {
    const sink = createSink(out, options);
    await sink.begin(table.columns);
    await sink.rows(table.rows);
    await sink.end({ rowCount: table.rows.length });
    return;
  }
  // the aligned output goes through the pager as one text
  let buffered = '';
  const buffer: TextOutput = { write: (t) => void (buffered += t), columns: out.columns, isTTY: out.isTTY };
  const sink = createSink(buffer, options);
  await sink.begin(table.columns);
  await sink.rows(table.rows);
  await sink.end({ rowCount: table.rows.length });
  await page(buffered, out);
}
