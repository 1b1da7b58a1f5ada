/**
 * psql's scripting commands: variables (\set, \unset, \getenv), printing (\echo, \qecho, \warn),
 * the query buffer (\p, \r), conditionals (\if, \elif, \else, \endif) and the commands that run the
 * buffer and keep its result (\gset, \gexec). Variables and the \if stack are session state held as
 * immutable data; their arguments are read with psql's rules (src/sql/interpolate.ts).
 *
 * `\set NAME VALUE` keeps sqlsh's settings: a NAME that is a sqlsh setting key (format, timing,
 * null_string, ...) changes the setting; any other NAME is a psql variable.
 */
import { splitStatements } from '../../sql/splitter.js';
import { isSpecialVariable, specialSetting } from '../../sql/special-variables.js';
import { spawnSync } from 'node:child_process';
import type { MetaArgs, MetaCommand, MetaContext, MetaOutcome, QueryRows } from '../meta-command.js';
import { fail, ok, psqlFail, usage } from '../meta-command.js';
import { mysqlClientErrorLine } from '../mysql-client-error.js';
import { baseDir } from './running-commands.js';
import { SETTINGS, settingSpec } from '../../config/settings.js';
import { interpolateArgs, quotingFor } from '../../sql/interpolate.js';
import { isVariableName, parseBoolean, variableFlag, withVariable } from '../../sql/variables.js';
import { stepElif, stepElse, stepEndif, stepIf, type Step } from '../conditional-stack.js';
import { formatValue } from '../../output/format-value.js';
import type { Row } from '../../core/result.js';
import { SETTINGS_SET } from './general-commands.js';
import { SandboxRefusal, withArguments } from '../sandbox.js';

/** The arguments read psql's way, with the session's variables interpolated and `commands` run. */
function words(ctx: MetaContext, args: MetaArgs): string[] {
  return interpolateArgs(args.raw, ctx.session.variables, quotingFor(ctx.session.dialect), (command) => {
    if (ctx.session.sandbox) throw new SandboxRefusal();
    return backquoted(command);
  });
}

/** psql's `` `command` `` in a backslash command's arguments: what /bin/sh prints (its errors go to stderr). */
function backquoted(command: string): string {
  const r = spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return r.stdout ?? '';
}

const REST = { min: 0, max: Infinity, kinds: ['text'] } as const;

const set: MetaCommand = {
  name: '\\set',
  group: 'General',
  syntax: '\\set [NAME [VALUE ...]]',
  summary: 'show or change a setting or a psql variable',
  details: [
    'A setting of config.toml (format, null_string, timing, keyword_case, ...) changes the setting;',
    'any other NAME is a psql variable (values written together are joined): :NAME, :\'NAME\', :"NAME" use it.',
    '\\set alone lists the settings, then the variables.',
  ],
  args: { min: 0, max: Infinity, kinds: ['setting', 'text'] },
  async run(ctx, args) {
    const s = ctx.session;
    const w = words(ctx, args);
    if (w.length === 0) {
      const width = Math.max(...SETTINGS.map((x) => x.key.length));
      const lines = SETTINGS.map((x) => `${x.key.padEnd(width)} = ${JSON.stringify((s.settings as unknown as Record<string, unknown>)[x.key])}`);
      for (const [name, value] of [...s.variables].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`${name} = '${value}'`);
      await ctx.runner.page(lines.join('\n') + '\n');
      return ok;
    }
    if (settingSpec(w[0]!)) return SETTINGS_SET.run(ctx, { ...args, words: w });
    if (!isVariableName(w[0]!)) return psqlFail(`invalid variable name: ${JSON.stringify(w[0])}`);
    const error = s.setVariable(w[0]!, w.slice(1).join(''));
    return error === undefined ? ok : psqlFail(error);
  },
};

const unset: MetaCommand = {
  name: '\\unset',
  group: 'General',
  syntax: '\\unset NAME',
  summary: 'remove a psql variable',
  args: { min: 1, max: 1, kinds: ['text'] },
  async run(ctx, args) {
    const [name] = words(ctx, args);
    // psql says nothing of a name no variable can have (`\\unset v;`): there is none to remove
    if (!isVariableName(name ?? '')) return ok;
    const error = ctx.session.setVariable(name!, undefined);
    return error === undefined ? ok : psqlFail(error);
  },
};

const getenv: MetaCommand = {
  name: '\\getenv',
  outside: true,
  group: 'General',
  syntax: '\\getenv NAME ENVVAR',
  summary: 'set a psql variable from an environment variable',
  args: { min: 2, max: 2, kinds: ['text', 'text'] },
  async run(ctx, args) {
    const [name, env] = words(ctx, args);
    if (!isVariableName(name ?? '')) return psqlFail(`invalid variable name: ${JSON.stringify(name)}`);
    const value = process.env[env!];
    const error = value === undefined ? undefined : ctx.session.setVariable(name!, value);
    return error === undefined ? ok : psqlFail(error);
  },
};

/** \echo, \qecho, \warn: -n leaves out the newline. */
function printer(name: string, summary: string, write: (ctx: MetaContext, text: string) => Promise<void>): MetaCommand {
  return {
    name,
    group: 'General',
    syntax: `${name} [-n] TEXT`,
    summary,
    args: REST,
    async run(ctx, args) {
      const w = words(ctx, args);
      // -n as written is the option; '-n' quoted is text (psql)
      const noNewline = w[0] === '-n' && /^-n(\s|$)/.test(args.raw.trimStart());
      await write(ctx, `${(noNewline ? w.slice(1) : w).join(' ')}${noNewline ? '' : '\n'}`);
      return ok;
    },
  };
}

const echo = printer('\\echo', 'print text to standard output', async (ctx, t) => void (await ctx.session.io.stdout.write(t)));
const qecho = printer('\\qecho', 'print text where results go (\\o)', async (ctx, t) => void (await ctx.session.out.write(t)));
const warn = printer('\\warn', 'print text to standard error', async (ctx, t) => ctx.session.io.error(t.endsWith('\n') ? t.slice(0, -1) : t));

const print: MetaCommand = {
  name: '\\p',
  aliases: ['\\print'],
  group: 'General',
  syntax: '\\p',
  summary: 'show the query buffer (or the last query run)',
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx) {
    const text = ctx.session.queryBuffer ?? ctx.session.lastSql;
    await ctx.session.io.stdout.write(text === undefined ? 'Query buffer is empty.\n' : `${text}\n`);
    return ok;
  },
};

const write: MetaCommand = {
  name: '\\w',
  outside: true,
  aliases: ['\\write'],
  group: 'General',
  syntax: '\\w FILE | \\w |COMMAND',
  summary: 'write the query buffer to a file or a command',
  args: { min: 1, max: Infinity, kinds: ['file'] },
  async run(ctx, args) {
    const text = ctx.session.queryBuffer ?? ctx.session.lastSql ?? '';
    const target = args.raw.trim();
    const { openOutput } = await import('../open-output.js');
    const spec = target.startsWith('|') ? { command: target.slice(1).trim() } : { file: target.replace(/^(['"])(.*)\1$/, '$2') };
    let out: Awaited<ReturnType<typeof openOutput>>;
    try {
      out = await openOutput(spec, ctx.opts.source);
    } catch (e) {
      const { fileErrorReason } = await import('../file-error.js');
      return fail(`cannot write to ${JSON.stringify(target)}: ${fileErrorReason(e)}`);
    }
    await out.write(`${text}\n`);
    await out.close();
    return ok;
  },
};

const reset: MetaCommand = {
  name: '\\r',
  aliases: ['\\reset'],
  group: 'General',
  syntax: '\\r',
  summary: 'empty the query buffer (the statement is not run)',
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx) {
    ctx.session.queryBuffer = undefined;
    if (variableFlag(ctx.session.variables, 'QUIET') !== true) await ctx.session.io.stdout.write('Query buffer reset (cleared).\n');
    return ok;
  },
};

/** Evaluates an \if / \elif expression: psql's booleans; anything else is an error and counts as false. */
function condition(ctx: MetaContext, args: MetaArgs, name: string, errors: string[]): () => boolean {
  return () => {
    const expr = words(ctx, args).join(' ');
    const b = parseBoolean(expr);
    if (b === undefined) errors.push(`unrecognized value ${JSON.stringify(expr)} for "${name} expression": Boolean expected`);
    return b ?? false;
  };
}

function conditional(name: string, syntax: string, summary: string, step: (ctx: MetaContext, args: MetaArgs, errors: string[]) => Step): MetaCommand {
  return {
    name,
    group: 'General',
    syntax,
    summary,
    args: { min: 0, max: Infinity, kinds: ['text'] },
    async run(ctx, args): Promise<MetaOutcome> {
      const errors: string[] = [];
      const r = step(ctx, args, errors);
      if (!r.ok) return psqlFail(`${name}: ${r.message}`);
      ctx.session.conditionals = r.stack;
      return errors.length ? psqlFail(errors.join('\n')) : ok;
    },
  };
}

const ifCmd = conditional('\\if', '\\if EXPR', 'run what follows only when EXPR is true (psql booleans)', (ctx, a, e) =>
  stepIf(ctx.session.conditionals, condition(ctx, a, '\\if', e)),
);
const elifCmd = conditional('\\elif', '\\elif EXPR', 'another branch of \\if', (ctx, a, e) =>
  stepElif(ctx.session.conditionals, condition(ctx, a, '\\elif', e)),
);
const elseCmd = conditional('\\else', '\\else', 'the last branch of \\if', (ctx) => stepElse(ctx.session.conditionals));
const endifCmd = conditional('\\endif', '\\endif', 'end an \\if block', (ctx) => stepEndif(ctx.session.conditionals));

/** The statement \gset / \gexec run: the buffer it ended, else the last query (as \g does). */
function takeQuery(ctx: MetaContext): string | undefined {
  const sql = ctx.session.queryBuffer ?? ctx.session.lastSql;
  ctx.session.queryBuffer = undefined;
  return sql;
}

/** PQescapeLiteral's quoting: '...' with quotes doubled; with a backslash ` E'...'` (its leading space too, as psql's query has it) and backslashes doubled. */
const pgLiteral = (s: string): string => (s.includes('\\') ? ` E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${s.replace(/'/g, "''")}'`);

const gdesc: MetaCommand = {
  name: '\\gdesc',
  group: 'Running',
  syntax: '\\gdesc',
  summary: "the query's result columns and types, not run",
  details: ['On PostgreSQL the statement is parsed and described, not run, and the types are psql\'s (format_type). Elsewhere the query is run as a subquery with LIMIT 0, so it must be a query.'],
  args: { min: 0, max: 0, kinds: [] },
  async run(ctx) {
    const sql = takeQuery(ctx);
    if (sql === undefined) return fail('no query to describe');
    const s = ctx.session;
    const none = async (): Promise<MetaOutcome> => {
      await s.out.write('The command has no result, or the result has no columns.\n');
      return ok;
    };
    if (s.connection.info.engine === 'postgres') {
      const r = await ctx.runner.queryRows(sql, { ...ctx.opts, describeOnly: true });
      if (r === false || r === 'cancelled') return { type: 'error' };
      if (r.columns.length === 0) return none();
      // psql's own query (the same statement reaches the server), so the table is printed as psql prints it
      const values = r.columns.map((c) => `(${pgLiteral(c.name)}, '${c.typeOid ?? 0}'::pg_catalog.oid, ${c.typeModifier ?? -1})`).join(',');
      const query = `SELECT name AS "Column", pg_catalog.format_type(tp, tpm) AS "Type"\nFROM (VALUES ${values}) s(name, tp, tpm)`;
      const ran = await ctx.runner.runStatement(query, { ...ctx.opts });
      s.lastSql = sql; // the described query stays the last one (psql's previous buffer), not this one
      return ran === true ? ok : { type: 'error' };
    }
    const r = await ctx.runner.queryRows(`SELECT * FROM (${sql.replace(/[\s;]+$/, '')}) AS sqlsh_gdesc LIMIT 0`, { ...ctx.opts });
    s.lastSql = sql;
    if (r === false || r === 'cancelled') return { type: 'error' };
    if (r.columns.length === 0) return none();
    const { renderMetaTable } = await import('../render-meta-table.js');
    await renderMetaTable(s, { columns: [{ name: 'Column', type: 'text' }, { name: 'Type', type: 'text' }], rows: r.columns.map((c) => [c.name, c.type]), rowCount: true }, ctx.runner.page);
    return ok;
  },
};

/** psql's \\s: the history at the prompt, or saved to FILE; a script has none (psql prints nothing there). */
const history: MetaCommand = {
  name: '\\s',
  outside: withArguments,
  group: 'General',
  syntax: '\\s [FILE]',
  summary: 'show the command history, or save it to FILE',
  args: { min: 0, max: 1, kinds: ['file'] },
  async run(ctx, args) {
    const texts = ctx.session.historyTexts?.() ?? [];
    const file = words(ctx, args)[0];
    if (file === undefined) {
      if (texts.length > 0) await ctx.runner.page(`${texts.join('\n')}\n`);
      return ok;
    }
    const { writeFile } = await import('node:fs/promises');
    try {
      await writeFile(file, texts.length > 0 ? `${texts.join('\n')}\n` : '');
    } catch (e) {
      return psqlFail(`could not save history to file "${file}": ${(e as Error).message}`);
    }
    return { type: 'message', text: `Wrote history to file "${file}".`, stdout: true };
  },
};

const gset: MetaCommand = {
  name: '\\gset',
  group: 'Running',
  syntax: '\\gset [PREFIX]',
  summary: 'run the query; its one row goes into variables',
  args: { min: 0, max: 1, kinds: ['text'] },
  async run(ctx, args) {
    const sql = takeQuery(ctx);
    if (sql === undefined) return fail('no query to run');
    const prefix = words(ctx, args)[0] ?? '';
    // psql's `a \\; b \\gset`: one request, the results before the last shown as usual, the last one sets the variables
    let r: Awaited<ReturnType<typeof ctx.runner.queryRows>>;
    if (ctx.session.dialect.id === 'postgres' && splitStatements(sql, ctx.session.lex).filter((s) => s.kind === 'sql' && s.text !== '').length > 1) {
      let last: QueryRows = { columns: [], rows: [] };
      const ran = await ctx.runner.runStatement(sql, { ...ctx.opts, line: ctx.opts.line ?? 1, lastResult: (x) => (last = x) });
      r = ran === true ? last : ran;
    } else r = await ctx.runner.queryRows(sql, { ...ctx.opts, gset: true });
    if (r === false || r === 'cancelled') return { type: 'error' };
    if (r.rows.length === 0) return psqlFail('no rows returned for \\gset');
    if (r.rows.length > 1) return psqlFail('more than one row returned for \\gset');
    let vars = ctx.session.variables;
    const row = r.rows[0]!;
    for (let i = 0; i < r.columns.length; i++) {
      const name = prefix + r.columns[i]!.name;
      if (!isVariableName(name)) return psqlFail(`invalid variable name: ${JSON.stringify(name)}`);
      if (isSpecialVariable(name)) {
        // psql leaves the variables it watches alone
        const where = ctx.opts.source ? `${ctx.opts.source}:${ctx.opts.line}: ` : '';
        ctx.session.io.error(`${where}warning: attempt to \\gset into specially treated variable "${name}" ignored`);
        continue;
      }
      const v = row[i] ?? null;
      vars = withVariable(vars, name, v === null ? undefined : formatValue(v, '', true));
    }
    ctx.session.variables = vars;
    return ok;
  },
};

const gexec: MetaCommand = {
  name: '\\gexec',
  group: 'Running',
  syntax: '\\gexec',
  summary: 'run the query, then each value it returns as SQL',
  args: { min: 0, max: 0, kinds: [] },
  async run(ctx) {
    const sql = takeQuery(ctx);
    if (sql === undefined) return fail('no query to run');
    const r = await ctx.runner.queryRows(sql, { ...ctx.opts });
    if (r === false || r === 'cancelled') return { type: 'error' };
    let good = true;
    for (const row of r.rows) {
      for (const v of row) {
        if (v === null) continue;
        const query = formatValue(v, '');
        // psql's ECHO all (-a) in a script: each generated query before its result (they are no input lines)
        if (!ctx.session.interactive && specialSetting(ctx.session.variables, 'ECHO') === 'all') await ctx.session.io.stdout.write(`${query}\n`);
        const done = await ctx.runner.runStatement(query, { ...ctx.opts });
        if (done === 'cancelled') return { type: 'error' };
        if (!done) {
          good = false;
          if (ctx.opts.stopOnError) return { type: 'error' };
        }
      }
    }
    return good ? ok : { type: 'error' };
  },
};

/** The mysql client's `source FILE` and `\\. FILE`: what \\i does. */
const source: MetaCommand = {
  name: '\\.',
  outside: true,
  group: 'Running',
  syntax: '\\. FILE',
  summary: "run a file (the mysql client's source)",
  details: ["On the mysql client's command line (-e, -B ...) a missing or unreadable file is said in the client's words."],
  args: { min: 0, max: 1, kinds: ['file'] },
  async run(ctx, args) {
    const s = ctx.session;
    const file = args.words[0];
    // psql has no \. command: a script's `\.` (the end of COPY data that no COPY took) is its error
    if (!s.interactive && !s.mysqlClient && s.dialect.id === 'postgres') return psqlFail('invalid command \\.');
    if (s.mysqlClient) {
      // the client's own lines: `ERROR at line 1: Failed to open file 'x.sql', error: 2`
      const say = (message: string): MetaOutcome => (s.io.error(mysqlClientErrorLine(ctx.opts, message)), { type: 'error' });
      if (file === undefined) return say('Usage: \\. <filename> | source <filename>');
      const { access, constants } = await import('node:fs/promises');
      const { dirname, resolve } = await import('node:path');
      try {
        await access(resolve(baseDir(ctx.opts.source, dirname), file), constants.R_OK);
      } catch (e) {
        return say(`Failed to open file '${file}', error: ${Math.abs((e as NodeJS.ErrnoException).errno ?? 2)}`);
      }
    } else if (file === undefined) return usage('missing argument');
    const { metaRegistry } = await import('../meta-registry.js');
    if (!s.mysqlClient) return metaRegistry().lookup('\\i')!.command.run(ctx, args);
    // the client (without --abort-source-on-error) goes on past a failed statement of a sourced file, to
    // its end and then after the source line, and the failure does not count in its exit status
    const r = await metaRegistry().lookup('\\i')!.command.run({ ...ctx, opts: { ...ctx.opts, stopOnError: false } }, args);
    return r.type === 'error' ? ok : r;
  },
};

/** A name as psql reads it: the parts in double quotes as written (`""` a quote), the rest in lower case. */
function dequoteDowncase(word: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === '"') {
      if (quoted && word[i + 1] === '"') {
        out += '"';
        i++;
      } else quoted = !quoted;
    } else out += quoted ? c : c.toLowerCase();
  }
  return out;
}

/** A column given by number (1-based) or name, as \\crosstabview takes it; else psql's error. */
function columnIndex(columns: readonly { name: string }[], word: string): number | string {
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    return n >= 1 && n <= columns.length ? n - 1 : `column number ${n} is out of range 1..${columns.length}`;
  }
  const name = dequoteDowncase(word);
  const k = columns.findIndex((c) => c.name === name);
  return k < 0 ? `column name not found: "${name}"` : k;
}

/** psql's limit on a crosstab's columns (its horizontal header's values). */
const CROSSTAB_MAX_COLUMNS = 1600;

const crosstab: MetaCommand = {
  name: '\\crosstabview',
  group: 'Running',
  syntax: '\\crosstabview [COLV [COLH [COLD [SORTCOLH]]]]',
  summary: 'run the query and show it as a crosstab',
  details: [
    "Rows: COLV's values (default the first column); columns: COLH's values (default the second), in the",
    'order they come, or by SORTCOLH; cells: COLD (default the third of a three-column result). As psql.',
  ],
  args: { min: 0, max: 4, kinds: ['text', 'text', 'text', 'text'] },
  async run(ctx, args) {
    const sql = takeQuery(ctx);
    if (sql === undefined) return fail('no query to run');
    const w = words(ctx, args);
    const r = await ctx.runner.queryRows(sql, { ...ctx.opts });
    if (r === false || r === 'cancelled') return { type: 'error' };
    const cols = r.columns;
    // psql's words, after `error: ` in a script
    const xtabFail = (message: string): MetaOutcome => psqlFail(`\\crosstabview: ${message}`);
    if (cols.length < 3) return xtabFail('query must return at least three columns');
    const pick = (i: number, fallback: number): number | string => {
      return w[i] === undefined ? fallback : columnIndex(cols, w[i]!);
    };
    const v = pick(0, 0);
    const h = pick(1, 1);
    if (typeof v === 'string') return xtabFail(v);
    if (typeof h === 'string') return xtabFail(h);
    if (v === h) return xtabFail('vertical and horizontal headers must be different columns');
    let d: number | string;
    if (w[2] !== undefined) d = pick(2, -1);
    else if (cols.length !== 3) return xtabFail('data column must be specified when query returns more than three columns');
    else d = [0, 1, 2].find((i) => i !== v && i !== h)!;
    if (typeof d === 'string') return xtabFail(d);
    const sortBy = w[3] !== undefined ? pick(3, -1) : undefined;
    if (typeof sortBy === 'string') return xtabFail(sortBy);
    const show = (x: Row[number] | undefined): string => formatValue(x ?? null, '', true);
    // a NULL header is named as NULL is shown (\\pset null)
    const nullShown = ctx.session.renderOptions().nullString;
    // the headers in the order they come (psql), the horizontal ones by SORTCOLH's value when given
    const rowKeys = new Map<string, number>();
    const colKeys = new Map<string, { index: number; sort: number; name: string }>();
    for (const row of r.rows) {
      const rk = show(row[v]);
      if (!rowKeys.has(rk)) rowKeys.set(rk, rowKeys.size);
      const ck = show(row[h]);
      if (!colKeys.has(ck)) {
        if (colKeys.size >= CROSSTAB_MAX_COLUMNS) return xtabFail(`maximum number of columns (${CROSSTAB_MAX_COLUMNS}) exceeded`);
        colKeys.set(ck, { index: colKeys.size, sort: sortBy === undefined ? 0 : Number(show(row[sortBy])), name: row[h] === null || row[h] === undefined ? nullShown : ck });
      }
    }
    const colOrder = [...colKeys.entries()].sort((a, b) => (sortBy === undefined ? a[1].index - b[1].index : a[1].sort - b[1].sort || a[1].index - b[1].index));
    const colPos = new Map(colOrder.map(([k], i) => [k, i]));
    const grid: (Row[number] | undefined)[][] = [...rowKeys.keys()].map(() => new Array<Row[number] | undefined>(colOrder.length).fill(undefined));
    const firstOf: Row[number][] = [];
    for (const row of r.rows) {
      const ri = rowKeys.get(show(row[v]))!;
      firstOf[ri] ??= row[v] ?? null;
      const ci = colPos.get(show(row[h]))!;
      if (grid[ri]![ci] !== undefined) return xtabFail(`query result contains multiple data values for row "${show(row[v])}", column "${show(row[h])}"`);
      grid[ri]![ci] = row[d] ?? null;
    }
    const columns = [cols[v]!, ...colOrder.map(([, c]) => ({ name: c.name, type: cols[d as number]!.type }))];
    // a cell without data is blank, as in psql; a NULL value shows as NULL does
    const rows: Row[] = grid.map((cells, i) => [firstOf[i] ?? null, ...cells.map((c) => (c === undefined ? '' : c))]);
    return { type: 'tables', tables: [{ columns, rows, rowCount: true }] };
  },
};

/** They read their arguments themselves, variables and backquotes included (psql's rules): argsAsWritten. */
export const SCRIPT_COMMANDS: readonly MetaCommand[] = Object.freeze(
  [set, unset, getenv, echo, qecho, warn, print, write, reset, history, ifCmd, elifCmd, elseCmd, endifCmd, gset, gexec, gdesc, crosstab, source].map(
    (c): MetaCommand => Object.freeze({ ...c, argsAsWritten: true }),
  ),
);
