/**
 * The MySQL/MariaDB engine: resolves the target (flags, URI, ~/.my.cnf, environment), opens a mysql2
 * session configured for exact values, asks for a password when the server refuses an empty one,
 * and turns connection failures into clear ConnectErrors (never containing the password).
 */
import { ConnectError } from '../../core/errors.js';
import type { Connection, ConnectionInfo, ConnectionTarget, ConnectOptions, Engine } from '../engine.js';
import { describeMysqlNode, probeMysqlNode, type MysqlNodeState } from './mysql-node.js';
import type { MysqlCore, MysqlDriverError } from './mysql-connection.js';
import { lightenMysqlIconv } from './mysql-iconv.js';
import { keepUtf8Statements } from './mysql-utf8-queries.js';
import { mysqlDisplayUrl, mysqlWhere, resolveMysqlTarget, type MysqlParams } from './mysql-target.js';

interface Mysql2Module {
  createConnection(config: Record<string, unknown>): MysqlCore & { connect(cb: (err: MysqlDriverError | null) => void): void };
}

async function loadDriver(): Promise<Mysql2Module> {
  const mod = (await import('mysql2')) as unknown as Mysql2Module & { default?: Mysql2Module };
  lightenMysqlIconv(); // before the first handshake, which decodes the server version as CESU-8
  return typeof mod.createConnection === 'function' ? mod : mod.default!;
}

export function driverConfig(p: MysqlParams, database: string | undefined): Record<string, unknown> {
  return {
    ...(p.socketPath ? { socketPath: p.socketPath } : { host: p.host, port: p.port }),
    user: p.user,
    ...(p.password !== undefined ? { password: p.password } : {}),
    ...(database ? { database } : {}),
    // utf8mb4 whatever the locale (the mysql client follows it: utf8mb3 under C.UTF-8, latin1 under LANG=C,
    // where an emoji fails and é is stored as two mangled characters: README). utf8mb3, when asked for, is
    // set after the handshake (openCore), statements still written as UTF-8 (mysql-utf8-queries.ts)
    charset: 'utf8mb4',
    // mysql2 asks for IGNORE_SPACE by default, which the client does not: `count (*)` would parse and a
    // table named `count` would not, and routines would store it in their sql_mode
    flags: ['-IGNORE_SPACE'],
    // BIGINT as a number when safe, else its exact digits (a string): no string per safe value.
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: false,
    dateStrings: true,
    jsonStrings: true,
    // No global typeCast: it costs a closure per value. The connection sets one on queries whose
    // result has a GEOMETRY column (mysql-connection.ts).
    connectTimeout: p.connectTimeoutMs ?? 10_000,
    multipleStatements: false,
    // sqlsh sends statements as written, never with placeholders: mysql2 would otherwise scan each one for
    // `?` (a dump's 10,000-row INSERT, character by character) to put in no values
    queryFormat: (sql: string) => sql,
  };
}

async function openCore(driver: Mysql2Module, p: MysqlParams, database: string | undefined, readOnly = false): Promise<MysqlCore> {
  const core = driver.createConnection(driverConfig(p, database));
  keepUtf8Statements(core);
  await new Promise<void>((resolve, reject) => core.connect((err) => (err ? reject(err) : resolve())));
  const run = (sql: string): Promise<void> => new Promise<void>((resolve, reject) => {
    const q = core.query({ sql });
    q.on('error', reject);
    q.on('end', () => resolve());
  });
  if (p.charset === 'utf8mb3') await run('SET NAMES utf8mb3');
  // the client's --init-command, on each new session (a failure ends the connection: connectErrorText says which)
  if (p.initCommand !== undefined) {
    try {
      await run(p.initCommand);
    } catch (e) {
      core.destroy();
      throw Object.assign(e as object, { initCommand: true });
    }
  }
  // Read-only where cheap: every transaction of this session refuses writes.
  if (readOnly) await run('SET SESSION TRANSACTION READ ONLY');
  return core;
}

function connectError(err: MysqlDriverError, p: MysqlParams): ConnectError {
  // the driver's error stays as the cause (the mysql client's command line words it as the client: \\r)
  const e = connectErrorText(err, p);
  return new ConnectError(e.message, { needsPassword: e.needsPassword, cause: err });
}

function connectErrorText(err: MysqlDriverError, p: MysqlParams): ConnectError {
  const where = mysqlWhere(p);
  const server = err.sqlMessage ?? err.message;
  if ((err as { initCommand?: boolean }).initCommand) return new ConnectError(`the --init-command failed on the MySQL server at ${where}: ${server}`);
  switch (err.code) {
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new ConnectError(`access denied by the MySQL server at ${where}: ${server}. Check the user name and password (-u, the URI, ~/.my.cnf)`, {
        needsPassword: p.password === undefined,
      });
    case 'ER_BAD_DB_ERROR':
      return new ConnectError(`the MySQL server at ${where} says: ${server}. Connect without a database and run SHOW DATABASES to see the names`);
    case 'ECONNREFUSED':
      return new ConnectError(`could not connect to the MySQL server at ${where}: connection refused. Is the server running and listening there?`);
    case 'ENOENT':
      return new ConnectError(`could not connect to the MySQL server: no socket at ${p.socketPath ?? where}. Is the server running? Give -h HOST -P PORT for TCP`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConnectError(`could not connect to the MySQL server: unknown host '${p.host}'`);
    case 'ETIMEDOUT':
      return new ConnectError(`could not connect to the MySQL server at ${where}: timed out. Check the host, port and firewall`);
    default:
      return new ConnectError(`could not connect to the MySQL server at ${where}: ${server}`);
  }
}

/** Failures that send a multi-host connection on to the next host (the server did not answer). */
const NEXT_HOST_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST', 'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR']);

/**
 * A session on the first host of the list that answers (one host: that host). Returns the core and
 * the index of the host. A refusal by a live server (a wrong password, no such database) stops the
 * walk, as the mysql client's and libpq's do; only an unreachable server sends it on.
 */
async function openFirst(driver: Mysql2Module, p: MysqlParams, database: string | undefined, readOnly: boolean | undefined, only?: number): Promise<{ core: MysqlCore; index: number }> {
  const hosts = p.hosts ?? [{ host: p.host, port: p.port }];
  const failures: string[] = [];
  for (let i = only ?? 0; i < (only === undefined ? hosts.length : only + 1); i++) {
    const h = hosts[i]!;
    const one: MysqlParams = p.hosts ? { ...p, host: h.host, port: h.port } : p;
    try {
      return { core: await openCore(driver, one, database, readOnly), index: i };
    } catch (e) {
      const err = e as MysqlDriverError;
      if (!p.hosts || !NEXT_HOST_CODES.has(err.code ?? '')) throw Object.assign(err, { params: one });
      failures.push(`${mysqlWhere(one)}: ${connectError(err, one).message.replace(/^could not connect to the MySQL server at [^:]+:\d+: /, '')}`);
    }
  }
  throw new ConnectError(`could not connect to any of the ${hosts.length} MySQL servers, tried in order: ${failures.join('; ')}`);
}

/** What the prompt and \conninfo show of one server, before its version and role are known. */
function endpointInfo(p: MysqlParams, readOnly: boolean | undefined): ConnectionInfo {
  return {
    engine: 'mysql' as const,
    label: `${p.user}@${p.socketPath ? 'localhost' : p.host}${p.database ? `/${p.database}` : ''}`,
    url: mysqlDisplayUrl(p),
    user: p.user,
    host: p.socketPath ? 'localhost' : p.host,
    ...(p.socketPath ? {} : { port: p.port }),
    ...(p.database ? { database: p.database } : {}),
    ...(readOnly ? { readOnly: true } : {}),
  };
}

export const mysqlEngine: Engine = Object.freeze({
  id: 'mysql' as const,

  provisionalInfo(target: ConnectionTarget, env: NodeJS.ProcessEnv): ConnectionInfo | undefined {
    let p: MysqlParams;
    try {
      p = resolveMysqlTarget(target, env);
    } catch {
      return undefined; // connect() says what is wrong, before any prompt
    }
    // One server, and its password known (the URI, MYSQL_PWD, ~/.my.cnf): nothing is asked after the prompt
    if (p.hosts || p.password === undefined) return undefined;
    return Object.freeze(endpointInfo(p, target.readOnly));
  },

  async connect(target: ConnectionTarget, opts: ConnectOptions = {}): Promise<Connection> {
    // The interactive shell's prompt first (provisionalInfo answered): then mysql2 and the socket
    if (opts.startAfter) await opts.startAfter;
    let params = resolveMysqlTarget(target, opts.env ?? process.env);
    // mysql2 and the connection's code are in a file of their own, read now: not before the first paint
    const [driver, { MysqlConnection }] = await Promise.all([loadDriver(), import('./mysql-connection.js')]);
    const fail = (e: unknown): unknown => (e instanceof ConnectError ? e : connectError(e as MysqlDriverError, (e as { params?: MysqlParams }).params ?? params));
    let core: MysqlCore;
    let index: number;
    try {
      ({ core, index } = await openFirst(driver, params, params.database, target.readOnly));
    } catch (e) {
      const err = fail(e);
      if (!(err instanceof ConnectError) || !err.needsPassword || !opts.promptPassword) throw err;
      const password = await opts.promptPassword(`Password for ${params.user}@${mysqlWhere((e as { params?: MysqlParams }).params ?? params)}: `);
      params = { ...params, password };
      try {
        ({ core, index } = await openFirst(driver, params, params.database, target.readOnly));
      } catch (e2) {
        throw fail(e2);
      }
    }
    let node = await probeMysqlNode(core);
    const handshake = (core as unknown as { _handshakePacket?: { serverVersion?: string } })._handshakePacket;
    // MariaDB announces itself as '5.5.5-10.11.19-MariaDB-...' so old clients accept it: drop the prefix.
    const serverVersion = handshake?.serverVersion?.replace(/^5\.5\.5-(?=\d+\.\d+\.\d+-MariaDB)/, '');
    const dialect = (await import('../../sql/dialects/mysql.js')).mysqlDialect;
    const finalParams = params;
    const infoFor = (i: number, state: MysqlNodeState): ConnectionInfo => {
      const h = finalParams.hosts?.[i];
      const p = h ? { ...finalParams, host: h.host, port: h.port } : finalParams;
      const description = describeMysqlNode(state, i, finalParams.hosts);
      return Object.freeze({
        ...endpointInfo(p, target.readOnly),
        ...(serverVersion ? { serverVersion } : {}),
        ...(description ? { node: description } : {}),
      });
    };
    let info = infoFor(index, node);
    return new MysqlConnection(core, {
      info: () => info,
      dialect,
      database: params.database,
      open: async (database, pinned) => {
        try {
          const opened = await openFirst(driver, finalParams, database, target.readOnly, pinned ? index : undefined);
          if (!pinned) {
            index = opened.index;
            node = await probeMysqlNode(opened.core);
            info = infoFor(index, node);
          }
          return opened.core;
        } catch (e) {
          throw fail(e);
        }
      },
    });
  },
});
