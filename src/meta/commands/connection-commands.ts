/** \c, \conninfo, \refresh, \password, \u: which database the session talks to, and as whom. */
import type { MetaCommand } from '../meta-command.js';
import { NO_ARGS, confirmed, fail, info, ok, psqlFail, said } from '../meta-command.js';
import type { ConnectionInfo, ConnectionTarget } from '../../engines/engine.js';
import { SqlError, UsageError } from '../../core/errors.js';
import { mysqlClientArgument, mysqlClientErrorLine } from '../mysql-client-error.js';
import { psqlBool } from '../pset.js';

const ENGINE_NAMES: Readonly<Record<string, string>> = { sqlite: 'SQLite', duckdb: 'DuckDB', postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB' };

/** One line about the connection, never with a password. */
export function describeConnection(i: ConnectionInfo): string {
  const engine = ENGINE_NAMES[i.engine] ?? i.engine;
  const file = i.engine === 'sqlite' || i.engine === 'duckdb';
  const version = i.serverVersion ? (file ? ` (${engine} ${i.serverVersion})` : ` (server ${i.serverVersion})`) : '';
  const ro = i.readOnly ? ', read-only' : '';
  if (file) {
    const path = i.file ?? i.label;
    return path === ':memory:' ? `an in-memory ${engine} database${version}${ro}` : `${engine} database file "${path}"${version}${ro}`;
  }
  const parts = [`${engine} database "${i.database ?? ''}"`];
  if (i.user) parts.push(`as user "${i.user}"`);
  if (i.host) parts.push(i.host.startsWith('/') ? `via socket in "${i.host}"` : `on host "${i.host}"`);
  if (i.port) parts.push(`at port "${i.port}"`);
  const node = i.node ? `, ${i.node}` : '';
  const via = i.via ? `, ${i.via}` : '';
  return `${parts.join(' ')}${version}${ro}${node}${via}`;
}

/**
 * psql's own words for a PostgreSQL connection ("database "d" as user "u" on host "h" at port "p"),
 * so scripts print what psql prints; what psql does not know (the HA node, an SSH tunnel) follows on
 * a line of its own.
 */
function psqlWords(i: ConnectionInfo, short: boolean): string {
  let text = `database "${i.database ?? ''}" as user "${i.user ?? ''}"`;
  if (!short) {
    const where = i.host === undefined ? '' : i.host.startsWith('/') ? ` via socket in "${i.host}"` : ` on host "${i.host}"${i.hostaddr ? ` (address "${i.hostaddr}")` : ''}`;
    text += `${where}${i.port !== undefined ? ` at port "${i.port}"` : ''}`;
  }
  return text;
}

function extraLine(i: ConnectionInfo): string {
  const extra = [i.readOnly ? 'read-only' : '', i.node ?? '', i.via ?? ''].filter(Boolean).join(', ');
  return extra ? `\n(${extra})` : '';
}

const connect: MetaCommand = {
  name: '\\c',
  outside: true,
  aliases: ['\\connect'],
  group: 'Connection',
  syntax: '\\c [TARGET | DBNAME [USER [HOST [PORT]]]]',
  summary: 'connect to another database, file or URI',
  details: [
    'TARGET is anything the command line accepts: demo.db, data.duckdb, postgres://user@host/db,',
    'mysql://user@host/db, or the name of a saved connection. On a server, a bare name switches',
    'to that database on the same server. If the new connection fails, the old one stays.',
    "As psql's: with no TARGET a new connection to the same database (a new session); DBNAME USER HOST PORT",
    'on a server, `-` (or nothing) for the current one (`\\c - alice`: the same database as alice); "Quoted Name",',
    '"dbname=\'a b\' user=x", and -reuse-previous=on|off before them (pg_dump and pg_dumpall write these).',
  ],
  args: { min: 0, max: 5, kinds: ['target', 'text', 'text', 'text', 'text'] },
  async run(ctx, args) {
    const s = ctx.session;
    const before = s.connection.info;
    // psql's `\c [-reuse-previous=on|off] [DBNAME [USER [HOST [PORT]]]]` (`-` keeps one), as pg_dump and pg_dumpall write it
    const option = args.words[0] === undefined ? null : /^-reuse-previous=(.*)$/s.exec(args.words[0]);
    const reuseGiven = option ? psqlBool(option[1]!) : undefined;
    if (option && reuseGiven === undefined) return psqlFail(`unrecognized value "${option[1]}" for "-reuse-previous": Boolean expected`);
    const given = option ? args.words.slice(1) : args.words;
    // alone: a new connection to the same database, as psql's \c
    const words = given.length === 0 ? ['-'] : given;
    const parts = psqlConnectParts(words);
    const word = words[0]!;
    const cur = s.connection.info;
    const serverEngine = cur.engine === 'postgres' || cur.engine === 'mysql';
    // Same server, same credentials (the URI's password, if any, is kept), another database (and user, host, port).
    const sameServer = (p: Partial<ConnectionTarget>): ConnectionTarget => ({
      ...(s.target?.engine === cur.engine
        ? s.target
        : {
            engine: cur.engine,
            ...(cur.host !== undefined ? { host: cur.host } : {}),
            ...(cur.port !== undefined ? { port: cur.port } : {}),
            ...(cur.user !== undefined ? { user: cur.user } : {}),
            ...(cur.database !== undefined ? { database: cur.database } : {}),
          }),
      ...p,
    });
    // psql: a connection string (`dbname=x host=y`, a postgres:// URI) comes alone, and takes nothing from the
    // connection before unless -reuse-previous=on; else the current connection's parameters are reused
    const pg = cur.engine === 'postgres';
    const unquoted = word.replace(/^"(.*)"$/s, '$1');
    const connString = unquoted.includes('=') || /^postgres(ql)?:\/\//.test(unquoted);
    if (pg && connString && given.slice(1).some((w) => w !== '-')) return psqlFail('Do not give user, host, or port separately when using a connection string');
    const reuse = reuseGiven ?? !connString;
    // psql without a connection (a failed \\connect in a script): nothing to reuse
    if (s.unconnected && reuse) return psqlFail('No database connection exists to re-use parameters from');
    const fresh = s.unconnected || (pg && !reuse);
    let target: ConnectionTarget;
    if (parts !== undefined && fresh && !('error' in parts)) target = { engine: cur.engine, ...parts };
    else if (parts !== undefined) {
      if ('error' in parts) return fail(parts.error);
      if (!serverEngine) {
        // a file's \c alone opens it again; its other forms are a server's
        if (words.length !== 1 || words[0] !== '-' || s.target === undefined) return fail(`${words.join(' ')}: a database name, user, host and port are for a server; give a file or URI`);
        target = s.target;
      } else target = sameServer(parts);
    } else {
      const { parseTarget } = await import('../../engines/target.js');
      try {
        target = parseTarget(word, { connections: s.connections });
      } catch (e) {
        if (!(e instanceof UsageError) || !serverEngine || !/^[\w$-]+$/.test(word)) throw e;
        target = fresh ? { engine: cur.engine, database: word } : sameServer({ database: word });
      }
    }
    // Leaving a connection ends its transaction: ask first, as Ctrl-D does.
    if (s.connection.transactionStatus() !== 'idle') {
      const question = 'A transaction is open; connecting elsewhere rolls it back. Connect anyway? [y/N] ';
      const yes = s.io.confirm ? await s.io.confirm(question) : !ctx.opts.confirmDestructive;
      if (!yes) return fail('not connected: the open transaction was kept. COMMIT or ROLLBACK first.');
      if (!s.io.confirm) s.io.message('The open transaction was rolled back.');
    }
    try {
      await s.reconnect(target);
    } catch (e) {
      // outside the prompt psql closes the old connection and goes on without one (its -c actions; a script
      // ends there: its statements were meant for the other database); at the prompt the old connection stays
      if (!s.interactive && !s.mysqlClient) {
        const message = `\\connect: ${(e as Error).message}`;
        const psqlSession = cur.engine === 'postgres';
        if (psqlSession) await s.disconnect();
        if (ctx.opts.source !== undefined) return { type: 'error', message, psql: true, endsScript: true };
        if (psqlSession) return { type: 'error', message, psql: true };
      }
      return fail(`${(e as Error).message}\nPrevious connection kept: ${describeConnection(s.connection.info)}.`);
    }
    const now = s.connection.info;
    if (now.engine === 'postgres' && before.engine === 'postgres') {
      // psql names the host and port only when they changed
      const short = now.host === before.host && now.port === before.port;
      return said(ctx, `You are now connected to ${psqlWords(now, short)}.${extraLine(now)}`);
    }
    return info(`You are now connected to ${describeConnection(now)}.`);
  },
};

/**
 * `\c`'s words after psql's rules: a database name, user, host and port, `-` (or nothing) keeping the current
 * one; a name in double quotes is taken as written (`\connect "Sales"`, pg_dumpall's). Undefined when the first
 * word is rather a target of sqlsh's own (a file, a URI, a saved connection, a bare name).
 */
function psqlConnectParts(words: readonly string[]): (Partial<Record<'database' | 'user' | 'host', string> & { port: number }>) | { readonly error: string } | undefined {
  const unquote = (w: string): string => (/^".*"$/s.test(w) ? w.slice(1, -1).replace(/""/g, '"') : w);
  if (words.length === 1 && !/^"/.test(words[0]!) && words[0] !== '-' && !/^\s*\w+\s*=/.test(words[0]!)) return undefined;
  let [db, user, host, port]: (string | undefined)[] = words.map(unquote);
  if (db !== undefined && /^\s*\w+\s*=/.test(db)) {
    // a connection string (`dbname='a b' user=x`): its keywords, as libpq reads them
    const kv = new Map<string, string>();
    for (const m of db.matchAll(/(\w+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S+))/g)) kv.set(m[1]!.toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!);
    [db, user, host, port] = [kv.get('dbname'), kv.get('user') ?? user, kv.get('host') ?? host, kv.get('port') ?? port];
  }
  const keep = (w: string | undefined): w is string => w !== undefined && w !== '-' && w !== '';
  if (keep(port) && !(/^\d+$/.test(port) && Number(port) > 0 && Number(port) < 65536)) return { error: `invalid port number: "${port}"` };
  return {
    ...(keep(db) ? { database: db } : {}),
    ...(keep(user) ? { user } : {}),
    ...(keep(host) ? { host } : {}),
    ...(keep(port) ? { port: Number(port) } : {}),
  };
}

const conninfo: MetaCommand = {
  name: '\\conninfo',
  group: 'Connection',
  syntax: '\\conninfo',
  summary: 'show what you are connected to',
  args: NO_ARGS,
  async run(ctx) {
    const i = ctx.session.connection.info;
    if (ctx.session.unconnected) return confirmed('You are currently not connected to a database.');
    if (i.engine === 'postgres') {
      // psql's words (a script prints what psql prints); at the prompt also the server and the URL to reconnect with
      const more = ctx.session.interactive ? `\nURL: ${i.url}${i.serverVersion ? ` (server ${i.serverVersion})` : ''}` : '';
      return confirmed(`You are connected to ${psqlWords(i, false)}.${extraLine(i)}${more}`);
    }
    return info(`You are connected to ${describeConnection(i)}.\nURL: ${i.url}`);
  },
};

const refresh: MetaCommand = {
  name: '\\refresh',
  aliases: ['\\#'],
  group: 'Connection',
  syntax: '\\refresh',
  summary: 'reload table and column names (completion, \\d)',
  args: NO_ARGS,
  async run(ctx) {
    const s = ctx.session;
    await s.refreshCatalog();
    const c = s.catalog;
    if (!c) {
      await s.connection.introspect(ctx.opts.signal); // throws with the engine's reason
      return fail('could not read the catalog');
    }
    const n = c.data.relations.length;
    return info(`Catalog reloaded: ${n} relation${n === 1 ? '' : 's'}, ${c.data.schemas.length} schema${c.data.schemas.length === 1 ? '' : 's'}.`);
  },
};

/**
 * psql's \password: the new password is asked twice without echo and never shown, stored in the
 * history or sent as typed: on PostgreSQL it leaves as the verifier the server stores (SCRAM or md5,
 * as password_encryption says), as psql does.
 */
const password: MetaCommand = {
  name: '\\password',
  group: 'Connection',
  syntax: '\\password [USERNAME]',
  summary: "change a user's password, typed without echo",
  details: [
    'The password is typed twice at the terminal. PostgreSQL gets only its SCRAM (or md5) verifier, hashed',
    'here as psql does; MySQL/MariaDB take SET PASSWORD (USERNAME may be user@host).',
    'An empty password is refused: PostgreSQL would clear the password and lock password logins out.',
  ],
  args: { min: 0, max: 1, kinds: ['text'] },
  async run(ctx, args) {
    const s = ctx.session;
    const { engineExtras } = await import('../describe/engine-extras.js');
    const extras = await engineExtras(s.connection.info.engine);
    if (!extras.passwordChange) return fail(`${s.dialect.name} has no users or passwords`);
    const ask = s.io.promptPassword;
    if (!ask) return fail('no terminal to ask for the password on');
    const { querier } = await import('../describe/query-rows.js');
    const q = querier(s.connection, ctx.opts.signal);
    // as psql: alone, the user this session logged in as
    const user = args.words[0];
    const first = await ask(`Enter new password for user "${user ?? s.connection.info.user ?? ''}": `);
    const again = await ask('Enter it again: ');
    if (first !== again) return fail("Passwords didn't match.");
    if (first === '') return fail('the password is empty: nothing was changed');
    const change = await extras.passwordChange(q, user, first);
    await q(change.sql);
    return ok;
  },
};

/**
 * The mysql client's `use DB` (also `\u DB`, and `use DB;` in a script): the session's default database.
 * As the client does it, the argument is the first word (quotes taken off) and, on its command line
 * (-e, -B ...), a failure is the client's line alone; there a missing name is said and the script goes on.
 */
const use: MetaCommand = {
  name: '\\u',
  group: 'Connection',
  syntax: '\\u DATABASE',
  summary: "MySQL/MariaDB: use another database (the client's use)",
  details: ["The mysql client's `use DB` (and `use DB;`) at a statement's start is this command."],
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx, args) {
    const s = ctx.session;
    if (s.dialect.id !== 'mysql') return fail(`works on MySQL/MariaDB (on ${s.dialect.name}: \\c DATABASE)`);
    const db = mysqlClientArgument(args.raw);
    if (db === '') {
      if (!s.mysqlClient) return fail('missing database name; usage: \\u DATABASE');
      s.io.error(mysqlClientErrorLine(ctx.opts, 'USE must be followed by a database name'));
      return ok;
    }
    const sql = `USE \`${db.replace(/`/g, '``')}\``;
    if (!s.mysqlClient) {
      const r = await ctx.runner.runStatement(sql, ctx.opts);
      return r === true ? ok : { type: 'error' };
    }
    try {
      for await (const _ of s.connection.execute(sql, ctx.opts.signal ? { signal: ctx.opts.signal } : {})) void _;
    } catch (e) {
      if (!(e instanceof SqlError) || e.vendorCode === undefined) throw e;
      s.io.error(mysqlClientErrorLine(ctx.opts, e.message, e));
      return { type: 'error' };
    }
    return ok;
  },
};

export const CONNECTION_COMMANDS: readonly MetaCommand[] = Object.freeze([connect, conninfo, refresh, password, use]);
