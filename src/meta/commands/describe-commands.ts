/**
 * The describe family: \d, \dt, \dv, \dm, \dE, \di, \ds, \dn, \df, \dT, \du, \l, \dx, \dp, \dD, \dconfig,
 * \sf, \sv, and psql's other PostgreSQL lists (describe/postgres-lists.ts: \db, \dL, \dA, \dy, \dO ...).
 */
import type { RelationKind } from '../../catalog/catalog-data.js';
import type { MetaArgs, MetaCommand, MetaContext, MetaOutcome } from '../meta-command.js';
import { fail, ok, PATTERN_ARG, psqlFail } from '../meta-command.js';
import { SqlError, UserError } from '../../core/errors.js';
import type { DescribeSource } from '../describe/describe-source.js';
import { PSQL_LIST_FORMS, PSQL_LISTS, type PsqlList } from '../describe/postgres-lists.js';

type Lister = (src: DescribeSource, pattern: string | undefined) => Promise<MetaOutcome> | MetaOutcome;

async function withSource(ctx: MetaContext, f: (src: DescribeSource) => Promise<MetaOutcome> | MetaOutcome): Promise<MetaOutcome> {
  const { describeSource } = await import('../describe/describe-source.js');
  return f(await describeSource(ctx));
}

function pattern(args: MetaArgs): string | undefined {
  return args.tokens[0];
}

function lister(
  name: string,
  summary: string,
  load: () => Promise<Lister>,
  extra: Partial<MetaCommand> = {},
): MetaCommand {
  return {
    name,
    modifiers: '+S',
    group: 'Informational',
    syntax: `${name}[S+] [PATTERN]`,
    summary,
    args: PATTERN_ARG,
    run: async (ctx, args) => {
      // psql's kind letters together (\\dtv, \\dti ...): one list of those kinds
      const letters = ctx.invokedAs.slice(2).replace(/[+S]/g, '');
      if (extra.modifiers === KIND_LETTERS && letters.length > 1) {
        const { listRelationKinds } = await import('../describe/list-objects.js');
        return withSource(ctx, (src) => listRelationKinds(src, letters, pattern(args)));
      }
      // PostgreSQL: psql's own form of this list, where there is one (describe/postgres-lists.ts)
      const form = ctx.session.connection.info.engine === 'postgres' ? PSQL_LIST_FORMS[name] : undefined;
      if (form) {
        const { runPsqlList } = await import('../describe/postgres-lists.js');
        const letters = ctx.invokedAs.slice(name.length).replace(/[+S]/g, '');
        return withSource(ctx, (src) => runPsqlList(form, src, pattern(args), letters, args.words.slice(1)));
      }
      // (argument type patterns, \\df f int, are psql's: PostgreSQL's)
      if (args.words.length > 1) return fail(`argument type patterns (${args.words.slice(1).join(' ')}) are for PostgreSQL's functions`);
      const f = await load();
      return withSource(ctx, (src) => f(src, pattern(args)));
    },
    ...extra,
  };
}

const relations = (kinds: readonly RelationKind[] | 'all', sequences: boolean): (() => Promise<Lister>) => async () => {
  const { listRelations } = await import('../describe/list-objects.js');
  return (src, p) => listRelations(src, kinds, p, sequences);
};

const describe: MetaCommand = {
  name: '\\d',
  aliases: ['\\describe'],
  modifiers: '+S',
  group: 'Informational',
  syntax: '\\d[S+] [NAME]',
  summary: 'describe a table, view or index; alone: list all',
  details: [
    '\\d tracks: columns, types, nullability, defaults, indexes, foreign keys both ways, checks, triggers.',
    '\\d+ adds comments (and view definitions); S includes system objects.',
    'NAME may be a pattern: \\d tr* describes every matching relation.',
  ],
  args: { min: 0, max: 1, kinds: ['relation'] },
  async run(ctx, args) {
    const p = pattern(args);
    if (p === undefined) return withSource(ctx, async (src) => (await relations('all', true)())(src, undefined));
    const { describeRelations } = await import('../describe/describe-relation.js');
    return withSource(ctx, (src) => describeRelations(src, p));
  },
};

/** A function's or a view's CREATE OR REPLACE text as the server keeps it (\\sf, \\sv, \\ef, \\ev), or why there is none. */
export async function storedDefinition(ctx: MetaContext, kind: 'function' | 'view', name: string): Promise<string | MetaOutcome> {
  const { engineExtras } = await import('../describe/engine-extras.js');
  const extras = await engineExtras(ctx.session.connection.info.engine);
  if (!extras.source) return fail(`${ctx.session.dialect.name} keeps no ${kind} text to read here; \\d+ NAME shows a view's definition`);
  const { querier } = await import('../describe/query-rows.js');
  try {
    return await extras.source(querier(ctx.session.connection, ctx.opts.signal), kind, name);
  } catch (e) {
    // as psql says them: the server's refusal of the name (`ERROR:  function "f" does not exist`), or that it is no view
    if (e instanceof SqlError && e.code !== undefined && ctx.session.connection.info.engine === 'postgres') return psqlFail(`ERROR:  ${e.message}`);
    if (e instanceof UserError) return psqlFail(e.message);
    throw e;
  }
}

/** \\sf and \\sv: a function's or a view's CREATE OR REPLACE text, as psql prints it (+ numbers the body's lines). */
function showSource(name: '\\sf' | '\\sv', kind: 'function' | 'view'): MetaCommand {
  return {
    name,
    modifiers: '+',
    group: 'Informational',
    syntax: `${name}[+] ${kind === 'function' ? 'FUNCNAME[(ARGTYPES)]' : 'VIEWNAME'}`,
    summary: `show a ${kind}'s definition (+: with line numbers)`,
    args: { min: 1, max: 1, kinds: [kind === 'view' ? 'relation' : 'text'] },
    missingArgs: `${kind} name is required`,
    async run(ctx, args) {
      const source = await storedDefinition(ctx, kind, args.raw.trim());
      if (typeof source !== 'string') return source;
      await ctx.runner.page(ctx.plus ? numberedBody(source, kind) : source);
      return ok;
    },
  };
}

/**
 * psql's \\sf+ and \\sv+: lines numbered from the function's body (the lines before `AS $function$`,
 * `BEGIN ` or `RETURN ` are not numbered), every line of a view.
 */
function numberedBody(source: string, kind: 'function' | 'view'): string {
  const lines = source.replace(/\n$/, '').split('\n');
  let n = 0;
  let inBody = kind === 'view';
  const out = lines.map((l) => {
    if (!inBody) {
      inBody = /^(AS|BEGIN|RETURN) /.test(l);
      if (!inBody) return `        ${l}`;
    }
    return `${String(++n).padEnd(7)} ${l}`;
  });
  return `${out.join('\n')}\n`;
}

/** \\dt, \\dv, \\dm, \\di, \\ds, \\dE take the other kinds' letters too, as psql's \\dtv. */
const KIND_LETTERS = 'tvmisE+S';
const KINDS: Partial<MetaCommand> = { modifiers: KIND_LETTERS };
const KIND_DETAILS = 'Kind letters combine: \\dtv lists tables and views, \\dti tables and indexes (t v m i s E).';

const DETAILS_PATTERN = ['PATTERN: tr* (any text), t?acks (one character), sales.* (a schema); + adds sizes and comments.'];

/** One of psql's PostgreSQL lists (describe/postgres-lists.ts); elsewhere it says what it is for. */
function psqlList(list: PsqlList): MetaCommand {
  return {
    name: list.name,
    ...(list.aliases ? { aliases: list.aliases } : {}),
    modifiers: (list.plusColumns ? '+S' : 'S') + (list.letters ?? ''),
    group: 'Informational',
    syntax: `${list.name}${list.plusColumns ? `[${list.letters ?? ''}S+]` : `[${list.letters ?? ''}S]`} [PATTERN${list.argTypes ? ' [TYPEPATTERN ...]' : ''}]`,
    summary: `${list.summary} (PostgreSQL)`,
    args: list.argTypes ? { min: 0, max: 1 + list.argTypes.max, kinds: ['pattern', 'text'] } : PATTERN_ARG,
    run: async (ctx, args) => {
      if (ctx.session.connection.info.engine !== 'postgres') return fail(`lists PostgreSQL's ${list.title.replace(/^List of /, '').toLowerCase()}; ${ctx.session.dialect.name} has none`);
      const { runPsqlList } = await import('../describe/postgres-lists.js');
      const letters = ctx.invokedAs.slice(list.name.length).replace(/[+S]/g, '');
      return withSource(ctx, (src) => runPsqlList(list, src, pattern(args), letters, args.words.slice(1)));
    },
  };
}

type ListModule = typeof import('../describe/list-objects.js');
const mod = (what: Exclude<keyof ListModule, 'listRelations' | 'listRelationKinds'>) => async (): Promise<Lister> => (await import('../describe/list-objects.js'))[what];

export const DESCRIBE_COMMANDS: readonly MetaCommand[] = Object.freeze([
  describe,
  showSource('\\sf', 'function'),
  showSource('\\sv', 'view'),
  lister('\\dt', 'list tables', relations(['table', 'system-table'], false), { details: [...DETAILS_PATTERN, KIND_DETAILS], ...KINDS }),
  lister('\\dv', 'list views', relations(['view'], false), KINDS),
  lister('\\dE', 'list foreign tables', relations(['foreign-table'], false), KINDS),
  lister('\\dm', 'list materialized views', async () => {
    const { listRelations } = await import('../describe/list-objects.js');
    return (src, p) =>
      src.extras.missing.matviews ? { type: 'message', text: src.extras.missing.matviews } : listRelations(src, ['materialized-view'], p, false);
  }, KINDS),
  lister('\\di', 'list indexes', mod('listIndexes'), KINDS),
  lister('\\ds', 'list sequences', mod('listSequences'), KINDS),
  lister('\\dn', 'list schemas', mod('listSchemas')),
  lister('\\df', 'list functions', mod('listFunctions'), {
    modifiers: '+Sanptw',
    syntax: '\\df[anptwS+] [PATTERN [TYPEPATTERN ...]]',
    details: ['On PostgreSQL, as psql: TYPEPATTERNs match the arguments in order (`-`: no argument there): \\df f int text.'],
    args: { min: 0, max: Infinity, kinds: ['pattern', 'text'] },
  }),
  lister('\\dT', 'list user-defined data types', mod('listTypes')),
  lister('\\du', 'list users and roles', mod('listRoles'), { aliases: ['\\dg'] }),
  lister('\\l', 'list databases', mod('listDatabases'), { aliases: ['\\list'], syntax: '\\l[+] [PATTERN]' }),
  lister('\\dx', 'list installed extensions', mod('listExtensions')),
  lister('\\dp', 'list access privileges of tables, views, sequences', mod('listPrivileges'), { aliases: ['\\z'] }),
  lister('\\dD', 'list domains', mod('listDomains')),
  lister('\\dconfig', 'list server settings (alone: those changed)', mod('listSettings')),
  ...PSQL_LISTS.map(psqlList),
]);
