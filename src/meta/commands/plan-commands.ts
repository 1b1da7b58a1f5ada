/**
 * \explain [analyze] [QUERY]: the query's plan as a readable tree on every engine (src/plan reads
 * each engine's own JSON). ANALYZE runs the statement, always inside a transaction (or a savepoint
 * inside the user's) that is rolled back, so it never changes data; MySQL/MariaDB DDL, which commits
 * by itself, is refused. With --format json the engine's own JSON is printed instead of the tree.
 */
import type { MetaCommand, MetaContext, MetaOutcome, RunnerOptions } from '../meta-command.js';
import { fail, ok, usage } from '../meta-command.js';

const SAVEPOINT = 'sqlsh_explain';

type Rows = readonly (readonly unknown[])[];

/** MariaDB/MySQL tables of the current database that take no part in transactions. */
const NON_TRANSACTIONAL_SQL =
  "select table_name, engine from information_schema.tables where table_type = 'BASE TABLE' and table_schema = database() " +
  "and lower(coalesce(engine, '')) not in ('', 'innodb', 'xtradb', 'ndbcluster', 'rocksdb') order by 1 limit 1";

/** Runs one helper statement quietly as data; false when it failed (the error is printed). */
async function query(ctx: MetaContext, sql: string): Promise<Rows | false | 'cancelled'> {
  const opts: RunnerOptions & { line: number } = { ...ctx.opts };
  const r = await ctx.runner.queryRows(sql, opts);
  return r === false || r === 'cancelled' ? r : r.rows;
}

/** How ANALYZE is kept from changing anything: a transaction or a savepoint, rolled back after. */
interface Guard {
  readonly begin: string;
  readonly end: readonly string[];
}

function guardFor(ctx: MetaContext, engine: string): Guard | string {
  const status = ctx.session.connection.transactionStatus();
  if (status === 'failed') return 'the current transaction has failed; ROLLBACK first';
  if (status === 'idle') return { begin: 'BEGIN', end: ['ROLLBACK'] };
  if (engine === 'duckdb') return 'DuckDB has no savepoints, so \\explain analyze cannot run inside your open transaction without ending it; COMMIT or ROLLBACK first';
  return { begin: `SAVEPOINT ${SAVEPOINT}`, end: [`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`, `RELEASE SAVEPOINT ${SAVEPOINT}`] };
}

async function explain(ctx: MetaContext, analyze: boolean, givenSql: string | undefined): Promise<MetaOutcome> {
  const s = ctx.session;
  const sql = givenSql ?? s.queryBuffer ?? s.lastSql;
  s.queryBuffer = undefined;
  if (sql === undefined || sql.trim() === '') return usage('no query to explain: give one (\\explain SELECT ...) or run one first');
  const plan = await import('../../plan/explain-statement.js');
  const { classifyStatement } = await import('../../sql/classify.js');
  const engine = plan.planEngine(s.connection.info.engine, s.connection.info.serverVersion);
  const name = plan.ENGINE_NAMES[engine];
  const statement = plan.stripTerminator(sql);
  const cls = classifyStatement(statement, s.dialect);
  const lastSqlBefore = s.lastSql;
  if (cls.kind === 'transaction' || cls.kind === 'session') return fail(`${cls.keyword} cannot be explained`);
  if (analyze && cls.kind === 'ddl' && (engine === 'mysql' || engine === 'mariadb')) {
    return fail(`${name} commits ${cls.keyword} by itself, so \\explain analyze cannot roll it back; it was not run (use \\explain without analyze)`);
  }
  const changes = cls.kind !== 'query';
  // A call whose effect a rollback cannot undo (the preview's own list, and the user's functions read
  // from the catalog): said plainly and asked on a terminal; refused in a script.
  let notUndone: string | undefined;
  if (analyze) {
    const effects = await import('../../preview/side-effects.js');
    const known = effects.knownSideEffect(cls.change?.calls);
    notUndone = known ? `it calls ${known.name}(), whose effect a rollback does not undo: ${known.stays}`
      : (await effects.userFunctionEffect(s.connection, cls.change?.calls, ctx.opts.signal)) ?? (await effects.sequenceTaken(s.connection, cls, ctx.opts.signal));
    if (notUndone) {
      const ask = s.interactive ? s.io.ask : undefined;
      if (!ask) return fail(`\\explain analyze did not run the statement: ${notUndone} (use \\explain without analyze)`);
      s.io.message(`\\explain analyze runs the statement and rolls it back, but ${notUndone}.`);
      const answer = await ask('Run it anyway? [y/N] ');
      if (!/^y(es)?$/i.test(answer.trim())) {
        s.io.message('Not run; nothing was changed (\\explain without analyze shows the plan without running it).');
        return ok;
      }
    }
  }
  const guard = analyze ? guardFor(ctx, engine) : undefined;
  if (typeof guard === 'string') return fail(guard);
  if (analyze && changes && (engine === 'mysql' || engine === 'mariadb')) {
    // A table whose storage engine cannot roll back (MyISAM, Aria...) would keep the change: refuse, as the preview does.
    const r = await query(ctx, NON_TRANSACTIONAL_SQL);
    s.lastSql = lastSqlBefore;
    if (r === false || r === 'cancelled') return { type: 'error' };
    if (r.length > 0) {
      const [table, kind] = r[0]!.map((v) => plan.cellText(v));
      return fail(`the table "${table}" uses the ${kind} storage engine, which cannot roll back, so \\explain analyze did not run the statement (use \\explain without analyze)`);
    }
  }
  const ex = plan.explainStatement(engine, statement, analyze);
  const lastSql = lastSqlBefore;
  let rows: Rows | false | 'cancelled' = false;
  let run: { timeMs: number; rows: number } | undefined;
  let undone = true;
  let begun = false;
  try {
    if (guard) {
      const b = await query(ctx, guard.begin);
      if (b === false || b === 'cancelled') return { type: 'error' };
      begun = true;
    }
    rows = await query(ctx, ex.sql);
    if (rows !== false && rows !== 'cancelled' && analyze && engine === 'sqlite') {
      // SQLite's plan has no figures: run the statement itself to measure the whole of it.
      const from = performance.now();
      const r = await query(ctx, statement);
      if (r === false || r === 'cancelled') rows = r;
      else run = { timeMs: performance.now() - from, rows: r.length };
    }
  } finally {
    if (guard && begun) {
      for (const end of guard.end) {
        const r = await query(ctx, end);
        if (r === false || r === 'cancelled') undone = false;
      }
    }
    s.lastSql = lastSql;
  }
  if (rows === false || rows === 'cancelled') return { type: 'error' };
  if (!undone) return fail('the statement ran but rolling it back failed: check the data (the transaction state is shown in the prompt)');

  const out = s.out;
  const note = notUndone ? 'The statement ran inside a transaction that was rolled back, except what a rollback cannot undo (said above).\n'
    : analyze && changes ? `The statement ran inside a transaction that was rolled back: nothing was changed.\n` : '';
  if (ex.reads === 'text') {
    const text = rows.map((r) => r.map((v) => plan.cellText(v)).join('\t')).join('\n');
    await ctx.runner.page(`${text}\n${note}`, out);
    return ok;
  }
  if (s.settings.format === 'json') {
    await out.write(plan.engineJson(engine, rows) + '\n');
    if (note) s.io.message(note.trimEnd());
    return ok;
  }
  let parsed;
  try {
    parsed = plan.readPlan(engine, rows, run);
  } catch (e) {
    return fail(`could not read the ${name} plan: ${(e as Error).message}`);
  }
  const [{ renderPlan }, { loadDisplayWidth }] = await Promise.all([import('../../plan/render-plan.js'), import('../../output/display-width.js')]);
  await loadDisplayWidth();
  const width = out.columns || Number(process.env['COLUMNS']) || 100;
  const title = `${name} plan${analyze ? ' (analyzed)' : ''}`;
  const text = renderPlan(parsed, { width, color: s.renderOptions().color, title });
  await ctx.runner.page(text + note, out);
  return ok;
}

const explainCommand: MetaCommand = {
  name: '\\explain',
  group: 'Running',
  syntax: '\\explain [analyze] [QUERY]',
  summary: "a query's plan as a tree (also F5; analyze: rolled back)",
  details: [
    'Without QUERY: the query this command ends (select ... \\explain), else the last one run.',
    'F5 in the editor: the plan of the statement at the cursor (without analyze: nothing runs); the buffer comes back.',
    'Each node shows its operation, relation, estimated rows and cost; analyze adds actual rows, loops and time.',
    'The most expensive node is marked "◀ most time" (or cost); "! est 12x too low" flags a row estimate off by 10x or more.',
    'analyze runs the statement inside a transaction (a savepoint inside yours) that is rolled back: data never changes.',
    'A call a rollback cannot undo (nextval, pg_advisory_lock, dblink, get_lock, a function that calls one) is named and asked; refused in scripts.',
    'MySQL/MariaDB DDL commits by itself and is refused with analyze. With \\pset format json the engine\'s own JSON is printed.',
  ],
  args: { min: 0, max: Infinity, kinds: ['sql'] },
  async run(ctx, args) {
    const m = /^analy[sz]e\b\s*/i.exec(args.raw);
    const rest = m ? args.raw.slice(m[0].length) : args.raw;
    return explain(ctx, m !== null, rest.trim() === '' ? undefined : rest);
  },
};

export const PLAN_COMMANDS: readonly MetaCommand[] = Object.freeze([explainCommand]);
