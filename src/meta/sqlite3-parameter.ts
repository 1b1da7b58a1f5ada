/**
 * sqlite3's `.parameter` (`.param set :n 5`): the values statements bind their parameters from, kept where the
 * sqlite3 shell keeps them, in `temp.sqlite_parameters` (src/sql/sqlite3-parameters.ts), so a script may read
 * and change that table as it would under sqlite3. VALUE is SQL (`1+2` is 3, `'a b'` a string); one SQLite cannot
 * read as SQL is taken as text (`hello`), as sqlite3 takes it. From the first `.parameter` on, statements bind
 * their parameters (also at the prompt); in a sqlite3 script they always do (NULL without a value).
 */
import type { MetaContext, MetaOutcome } from './meta-command.js';
import { SQLITE3_PARAMETERS_DDL } from '../sql/sqlite3-parameters.js';
import { SqlError } from '../core/errors.js';

const OK: MetaOutcome = Object.freeze({ type: 'ok' });

/** What sqlite3 prints for `.parameter` without a command it knows (or with the wrong number of words). */
const SQLITE3_PARAMETER_HELP = [
  '.parameter CMD ...       Manage SQL parameter bindings',
  '   clear                   Erase all bindings',
  '   init                    Initialize the TEMP table that holds bindings',
  '   list                    List the current parameter bindings',
  '   set PARAMETER VALUE     Given SQL parameter PARAMETER a value of VALUE',
  '                           PARAMETER should start with one of: $ : @ ?',
  '   unset PARAMETER         Remove PARAMETER from the binding table',
  '',
].join('\n');
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export async function sqlite3Parameter(ctx: MetaContext, args: readonly string[], sql: (text: string) => Promise<unknown[][]>): Promise<MetaOutcome> {
  const s = ctx.session;
  if (s.dialect.id !== 'sqlite') return { type: 'error', message: '.parameter gives values to the parameters of SQLite statements' };
  s.sqlite3Parameters = true;
  const [cmd, name, value] = args;
  if (args.length === 1 && cmd === 'clear') await sql('DROP TABLE IF EXISTS temp.sqlite_parameters');
  else if (args.length === 1 && cmd === 'init') await sql(SQLITE3_PARAMETERS_DDL);
  else if (args.length === 1 && cmd === 'list') {
    // (the statements as sqlite3 writes them, for .trace; no table, or an empty one: nothing, as in sqlite3)
    try {
      const longest = await sql('SELECT max(length(key)) FROM temp.sqlite_parameters');
      if (longest[0]?.[0] === null || longest[0]?.[0] === undefined) return OK;
    } catch (e) {
      if (e instanceof SqlError && e.phase === 'prepare') return OK;
      throw e;
    }
    const rows = (await sql('SELECT key, quote(value) FROM temp.sqlite_parameters')).map((r) => [String(r[0]), String(r[1])] as const);
    // (sqlite3 pads the names to the longest one, counted in bytes)
    const width = Math.max(0, ...rows.map(([k]) => Buffer.byteLength(k)));
    await s.out.write(rows.map(([k, v]) => `${k}${' '.repeat(width - Buffer.byteLength(k))} ${v}\n`).join(''));
  } else if (args.length === 3 && cmd === 'set') {
    await sql(SQLITE3_PARAMETERS_DDL);
    const replace = (v: string): Promise<unknown[][]> => sql(`REPLACE INTO temp.sqlite_parameters(key,value)VALUES(${literal(name!)},${v})`);
    try {
      await replace(value!);
    } catch (e) {
      if (!(e instanceof SqlError) || e.phase !== 'prepare') throw e;
      await replace(literal(value!));
    }
  } else if (args.length === 2 && cmd === 'unset') await sql(`DELETE FROM temp.sqlite_parameters WHERE key=${literal(name!)}`);
  else await s.out.write(SQLITE3_PARAMETER_HELP); // (on stdout, the script going on, as sqlite3 3.40 writes it)
  return OK;
}
