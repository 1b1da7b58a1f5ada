/**
 * \chart and \gchart: a result drawn as a chart in the terminal (src/chart). \chart runs the last
 * query again (or the query it ends: `select ... \chart`), \gchart the current query buffer, as \g;
 * either way the rows stream through a chart sink, so a result of any size is charted in constant
 * memory. Only queries are run: a statement that changes data or the schema is refused (re-running an
 * INSERT to draw it would insert again; a DELETE would bypass the preview).
 */
import type { MetaCommand, MetaContext, MetaOutcome } from '../meta-command.js';
import { fail, ok } from '../meta-command.js';

const DETAILS: readonly string[] = [
  'Kinds: bar (a bar per category), line (x a date, time or number; one line per numeric column),',
  'hist (a histogram of one numeric column), spark (a sparkline per row across its numeric columns).',
  'Without arguments: the first text or date column is x and the numeric columns are the series;',
  'what was chosen is said above the chart. X and Y name columns: \\chart line month revenue orders.',
  'Width and height follow the terminal; NO_COLOR and ASCII locales (no UTF-8 in LC_ALL/LC_CTYPE/LANG)',
  'get marks and # bars instead of colours and blocks. Rows stream: a histogram of a million rows',
  'takes constant memory (bins widen as the range grows); bars and sparklines show the first screenful.',
  'Only queries are charted: statements that change data or the schema are refused.',
];

async function draw(ctx: MetaContext, sql: string | undefined, words: readonly string[]): Promise<MetaOutcome> {
  if (sql === undefined || sql.trim() === '') return fail('no query to chart: run a SELECT first, or end one with \\gchart');
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
  if (cls.kind === 'dml' || cls.kind === 'ddl' || cls.kind === 'transaction' || cls.kind === 'session') {
    return fail(`\\chart runs queries only, and ${JSON.stringify(oneLine(sql))} is not one (${cls.kind === 'dml' ? 'it changes data' : cls.kind === 'ddl' ? 'it changes the schema' : 'it is a ' + cls.kind + ' statement'}); chart a SELECT`);
  }
  const out = s.out;
  const tty = out.isTTY === true;
  const width = Math.max(30, Math.min(out.columns ?? 80, 200));
  const rows = tty && process.stdout.rows ? process.stdout.rows : 24;
  const look = Object.freeze({ width, height: Math.max(5, Math.min(rows - 8, 30)), unicode: localeIsUtf8(process.env), color: s.renderOptions().color });
  const sink = new ChartSink(parseChartArgs(words), { maxItems: Math.max(5, rows - 6), maxPoints: 4096, histBins: Math.max(5, Math.min(rows - 6, 30)) });
  const r = await ctx.runner.queryInto(sql, { ...ctx.opts }, sink);
  if (r !== true) return { type: 'error' };
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
  summary: 'draw the last query (or the one it ends) as a chart',
  details: DETAILS,
  args: { min: 0, max: Infinity, kinds: ['text'] },
  run(ctx, args) {
    const sql = ctx.session.queryBuffer ?? ctx.session.lastSql;
    ctx.session.queryBuffer = undefined;
    return draw(ctx, sql, args.words);
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
    const sql = ctx.session.queryBuffer ?? ctx.session.lastSql;
    ctx.session.queryBuffer = undefined;
    return draw(ctx, sql, args.words);
  },
};

export const CHART_COMMANDS: readonly MetaCommand[] = Object.freeze([chartCmd, gchartCmd]);
