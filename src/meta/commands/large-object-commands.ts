/**
 * psql's large-object commands on PostgreSQL: \lo_import FILE [COMMENT], \lo_export LOBOID FILE and
 * \lo_unlink LOBOID (\lo_list is one of psql's lists, describe/postgres-lists.ts). The file is read or
 * written here, on the client, as psql does; the object is made, read and removed with the server's
 * functions (lo_from_bytea, lo_get, lo_unlink). Each says what it did as psql does (`lo_import 16398`,
 * `lo_export`, `lo_unlink 16398`), where results go; \lo_import sets LASTOID.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { MetaCommand, MetaContext, MetaOutcome } from '../meta-command.js';
import { fail, ok, usage } from '../meta-command.js';
import { variableFlag, withVariable } from '../../sql/variables.js';

/** Runs one of this file's queries and gives its one value; the query the user ran last stays the last one. */
async function value(ctx: MetaContext, sql: string): Promise<unknown | false> {
  const last = ctx.session.lastSql;
  const r = await ctx.runner.queryRows(sql, { ...ctx.opts });
  ctx.session.lastSql = last;
  if (r === false || r === 'cancelled') return false;
  return r.rows[0]?.[0] ?? null;
}

const onPostgres = (ctx: MetaContext): MetaOutcome | undefined =>
  ctx.session.connection.info.engine === 'postgres' ? undefined : fail(`large objects are PostgreSQL's; ${ctx.session.dialect.name} has none`);

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const oidArg = (w: string | undefined): string | undefined => (w !== undefined && /^\d+$/.test(w) ? w : undefined);

const loImport: MetaCommand = {
  name: '\\lo_import',
  outside: true,
  group: 'Informational',
  syntax: '\\lo_import FILE [COMMENT]',
  summary: 'import a file as a large object (PostgreSQL)',
  args: { min: 1, max: 2, kinds: ['file', 'text'] },
  async run(ctx, args) {
    const not = onPostgres(ctx);
    if (not) return not;
    const [file, comment] = args.words as [string, string | undefined];
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      const { fileErrorReason } = await import('../file-error.js');
      return fail(`cannot read ${JSON.stringify(file)}: ${fileErrorReason(e)}`);
    }
    const oid = await value(ctx, `SELECT pg_catalog.lo_from_bytea(0, pg_catalog.decode('${bytes.toString('hex')}', 'hex'))`);
    if (oid === false || oid === null) return { type: 'error' };
    if (comment !== undefined && (await value(ctx, `COMMENT ON LARGE OBJECT ${String(oid)} IS ${literal(comment)}`)) === false) return { type: 'error' };
    ctx.session.variables = withVariable(ctx.session.variables, 'LASTOID', String(oid));
    await result(ctx, `lo_import ${String(oid)}\n`);
    return ok;
  },
};

const loExport: MetaCommand = {
  name: '\\lo_export',
  outside: true,
  group: 'Informational',
  syntax: '\\lo_export LOBOID FILE',
  summary: 'write a large object to a file (PostgreSQL)',
  args: { min: 2, max: 2, kinds: ['text', 'file'] },
  async run(ctx, args) {
    const not = onPostgres(ctx);
    if (not) return not;
    const oid = oidArg(args.words[0]);
    if (oid === undefined) return usage(`expected the large object's OID, got ${JSON.stringify(args.words[0])}`);
    const data = await value(ctx, `SELECT pg_catalog.lo_get(${oid})`);
    if (data === false) return { type: 'error' };
    try {
      await writeFile(args.words[1]!, data instanceof Uint8Array ? data : Buffer.alloc(0));
    } catch (e) {
      const { fileErrorReason } = await import('../file-error.js');
      return fail(`cannot write to ${JSON.stringify(args.words[1])}: ${fileErrorReason(e)}`);
    }
    await result(ctx, 'lo_export\n');
    return ok;
  },
};

const loUnlink: MetaCommand = {
  name: '\\lo_unlink',
  group: 'Informational',
  syntax: '\\lo_unlink LOBOID',
  summary: 'delete a large object (PostgreSQL)',
  args: { min: 1, max: 1, kinds: ['text'] },
  async run(ctx, args) {
    const not = onPostgres(ctx);
    if (not) return not;
    const oid = oidArg(args.words[0]);
    if (oid === undefined) return usage(`expected the large object's OID, got ${JSON.stringify(args.words[0])}`);
    if ((await value(ctx, `SELECT pg_catalog.lo_unlink(${oid})`)) === false) return { type: 'error' };
    await result(ctx, `lo_unlink ${oid}\n`);
    return ok;
  },
};

export const LARGE_OBJECT_COMMANDS: readonly MetaCommand[] = Object.freeze([loImport, loExport, loUnlink]);

/** What a large-object command did (`lo_unlink 16398`), where results go, as psql prints it: not under QUIET (-q). */
async function result(ctx: MetaContext, text: string): Promise<void> {
  if (variableFlag(ctx.session.variables, 'QUIET') !== true) await ctx.session.out.write(text);
}
