/**
 * \chart and \gchart: a result drawn as a chart in the terminal (src/chart). \chart draws the last
 * result that returned rows: from the copy the shell keeps when it was small (shell/last-result.ts:
 * nothing runs again), else by running that query again; `select ... \chart` runs the query it ends,
 * and \gchart the current query buffer, as \g. Rows that are run stream through a chart sink, so a
 * result of any size is charted in constant memory. Only queries are run: a statement that changes
 * data or the schema, or calls something a rollback cannot undo, is refused (re-running an INSERT
 * ... RETURNING to draw it would insert again).
 */
import type { MetaCommand, MetaContext, MetaOutcome } from '../meta-command.js';
import type { LastResult } from '../../core/last-result.js';
import { fail, ok } from '../meta-command.js';

const DETAILS: readonly string[] = [
  'Kinds: bar (a bar per category), line (x a date, time or number; one line per numeric column),',
  'hist (a histogram of one numeric column), spark (a sparkline per row across its numeric columns).',
  'Without arguments: the first text or date column is x and the numeric columns are the series;',
  'what was chosen is said above the chart. X and Y name columns: \\chart line month revenue orders.',
  'Width and height follow the terminal; NO_COLOR and ASCII locales (no UTF-8 in LC_ALL/LC_CTYPE/LANG)',
  'get marks and # bars instead of colours and blocks. Rows stream: a histogram of a million rows',
  'takes constant memory (bins widen as the range grows); bars and sparklines show the first screenful.',
  '\\chart alone draws the last result that returned rows (\\d and statements without rows leave it): a copy of',
  'up to 10,000 rows is kept, so nothing runs again; a bigger result runs again, if it is a query.',
  'Only queries are run: statements that change data or the schema are refused.',
];

/** What to draw: a statement to run, or the kept copy of the last result. */
type Source = { readonly sql: string | undefined; readonly kept?: undefined; readonly again?: boolean } | { readonly kept: LastResult; readonly sql?: undefined; readonly again?: undefined };

async function draw(ctx: MetaContext, source: Source, words: readonly string[]): Promise<MetaOutcome> {
  const sql = source.kept?.sql ?? source.sql;
  if (sql === undefined || sql.trim() === '') return fail('no result to chart: run a SELECT first, or end one with \\gchart');
  const [{ classifyStatement }, chart] = await Promise.all([
    import('../../sql/classify.js'),
    Promise.all([
      import('../../chart/chart-request.js'),
      import('../../chart/chart-sink.js'),
      import('../../chart/chart-look.js'),
      import('../../chart/render-chart.js'),
      import('../../output/display-width.js'),
    ]),
  ]);
  const [{ parseChartArgs }, { ChartSink }, { localeIsUtf8 }, { renderChart }, { loadDisplayWidth }] = chart;
  const s = ctx.session;
  const cls = classifyStatement(sql, s.dialect);
  const { knownSideEffect } = await import('../../preview/side-effects.js');
  // Run again without being asked to: not when it calls something a rollback cannot undo (nextval ...).
  const effect = source.again ? knownSideEffect(cls.change?.calls) : undefined;
  if (effect) return fail(`drawing the last result would run ${JSON.stringify(oneLine(sql))} again, and it calls ${effect.name}() (${effect.stays}); end the query with \\gchart to run it on purpose`);
  if (source.kept) {
    // Kept rows: drawn from the copy; nothing runs again (a DELETE ... RETURNING is not repeated).
  } else if (cls.kind === 'dml' || cls.kind === 'ddl' || cls.kind === 'transaction' || cls.kind === 'session') {
    return fail(`\\chart runs queries only, and ${JSON.stringify(oneLine(sql))} is not one (${cls.kind === 'dml' ? 'it changes data' : cls.kind === 'ddl' ? 'it changes the schema' : 'it is a ' + cls.kind + ' statement'}); chart a SELECT`);
  }
  const out = s.out;
  const tty = out.isTTY === true;
  const width = Math.max(30, Math.min(out.columns ?? 80, 200));
  const rows = tty && process.stdout.rows ? process.stdout.rows : 24;
  const look = Object.freeze({ width, height: Math.max(5, Math.min(rows - 8, 30)), unicode: localeIsUtf8(process.env), color: s.renderOptions().color });
  const sink = new ChartSink(parseChartArgs(words), { maxItems: Math.max(5, rows - 6), maxPoints: 4096, histBins: Math.max(5, Math.min(rows - 6, 30)) });
  if (source.kept) {
    sink.begin(source.kept.columns);
    await sink.rows(source.kept.rows ?? []);
    await sink.end({ rowCount: source.kept.rowCount });
  } else {
    // The rows also go by a keeper: the next \\chart redraws this result without running it again.
    const { ResultKeeper } = await import('../../core/last-result.js');
    const keeper = new ResultKeeper();
    const r = await ctx.runner.queryInto(sql, { ...ctx.opts }, {
      begin: (columns) => (keeper.begin(columns), sink.begin(columns)),
      rows: (batch) => (keeper.rows(batch), sink.rows(batch)),
      end: (summary) => sink.end(summary),
    });
    if (r !== true) return { type: 'error' };
    const kept = keeper.result(sql, true);
    if (kept) s.lastResult = kept;
  }
  const outcome = sink.outcome();
  if ('error' in outcome) return fail(`cannot chart: ${outcome.error}`);
  await loadDisplayWidth();
  await out.write(renderChart(outcome, look).join('\n') + '\n');
  return ok;
}

function oneLine(sql: string): string {
  const t = sql.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

const chartCmd: MetaCommand = {
  name: '\\chart',
  group: 'Output',
  syntax: '\\chart [bar|line|hist|spark] [X] [Y...]',
  summary: 'chart the last result with rows, or the query it ends',
  details: DETAILS,
  args: { min: 0, max: Infinity, kinds: ['text'] },
  run(ctx, args) {
    const s = ctx.session;
    const buffer = s.queryBuffer;
    s.queryBuffer = undefined;
    if (buffer !== undefined) return draw(ctx, { sql: buffer }, args.words);
    const last = s.lastResult;
    if (!last) return draw(ctx, { sql: undefined }, args.words);
    if (last.rows) return draw(ctx, { kept: last }, args.words);
    s.io.message(`The last result had ${last.rowCount.toLocaleString('en-US')} rows, more than sqlsh keeps: running its query again.`);
    return draw(ctx, { sql: last.sql, again: true }, args.words);
  },
};

const gchartCmd: MetaCommand = {
  name: '\\gchart',
  group: 'Output',
  syntax: '\\gchart [bar|line|hist|spark] [X] [Y...]',
  summary: 'run the query buffer (as \\g) and draw it as a chart',
  details: ['select country, count(*) from customers group by 1 order by 2 desc \\gchart', ...DETAILS],
  args: { min: 0, max: Infinity, kinds: ['text'] },
  run(ctx, args) {
    const buffer = ctx.session.queryBuffer;
    ctx.session.queryBuffer = undefined;
    return draw(ctx, buffer !== undefined ? { sql: buffer } : { sql: ctx.session.lastSql, again: true }, args.words);
  },
};

export const CHART_COMMANDS: readonly MetaCommand[] = Object.freeze([chartCmd, gchartCmd]);
