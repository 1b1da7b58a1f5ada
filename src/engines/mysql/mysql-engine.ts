/**
 * The MySQL/MariaDB engine: resolves the target (flags, URI, ~/.my.cnf, environment), opens a mysql2
 * session configured for exact values, asks for a password when the server refuses an empty one,
 * and turns connection failures into clear ConnectErrors (never containing the password).
 */
import { ConnectError } from '../../core/errors.js';
import type { Connection, ConnectionTarget, ConnectOptions, Engine } from '../engine.js';
import { MysqlConnection, type MysqlCore, type MysqlDriverError } from './mysql-connection.js';
import { mysqlDisplayUrl, mysqlWhere, resolveMysqlTarget, type MysqlParams } from './mysql-target.js';

interface Mysql2Module {
  createConnection(config: Record<string, unknown>): MysqlCore & { connect(cb: (err: MysqlDriverError | null) => void): void };
}

async function loadDriver(): Promise<Mysql2Module> {
  const mod = (await import('mysql2')) as unknown as Mysql2Module & { default?: Mysql2Module };
  return typeof mod.createConnection === 'function' ? mod : mod.default!;
}

function driverConfig(p: MysqlParams, database: string | undefined): Record<string, unknown> {
  return {
    ...(p.socketPath ? { socketPath: p.socketPath } : { host: p.host, port: p.port }),
    user: p.user,
    ...(p.password !== undefined ? { password: p.password } : {}),
    ...(database ? { database } : {}),
    charset: 'utf8mb4',
    // BIGINT as a number when safe, else its exact digits (a string): no string per safe value.
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: false,
    dateStrings: true,
    jsonStrings: true,
    // No global typeCast: it costs a closure per value. The connection sets one on queries whose
    // result has a GEOMETRY column (mysql-connection.ts).
    connectTimeout: 10_000,
    multipleStatements: false,
  };
}

async function openCore(driver: Mysql2Module, p: MysqlParams, database: string | undefined, readOnly = false): Promise<MysqlCore> {
  const core = driver.createConnection(driverConfig(p, database));
  await new Promise<void>((resolve, reject) => core.connect((err) => (err ? reject(err) : resolve())));
  if (readOnly) {
    // Read-only where cheap: every transaction of this session refuses writes.
    await new Promise<void>((resolve, reject) => {
      const q = core.query({ sql: 'SET SESSION TRANSACTION READ ONLY' });
      q.on('error', reject);
      q.on('end', () => resolve());
    });
  }
  return core;
}

function connectError(err: MysqlDriverError, p: MysqlParams): ConnectError {
  const where = mysqlWhere(p);
  const server = err.sqlMessage ?? err.message;
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

export const mysqlEngine: Engine = Object.freeze({
  id: 'mysql' as const,
  async connect(target: ConnectionTarget, opts: ConnectOptions = {}): Promise<Connection> {
    let params = resolveMysqlTarget(target, opts.env ?? process.env);
    const driver = await loadDriver();
    let core: MysqlCore;
    try {
      core = await openCore(driver, params, params.database, target.readOnly);
    } catch (e) {
      const err = connectError(e as MysqlDriverError, params);
      if (!err.needsPassword || !opts.promptPassword) throw err;
      const password = await opts.promptPassword(`Password for ${params.user}@${mysqlWhere(params)}: `);
      params = { ...params, password };
      try {
        core = await openCore(driver, params, params.database, target.readOnly);
      } catch (e2) {
        throw connectError(e2 as MysqlDriverError, params);
      }
    }
    const handshake = (core as unknown as { _handshakePacket?: { serverVersion?: string } })._handshakePacket;
    // MariaDB announces itself as '5.5.5-10.11.19-MariaDB-...' so old clients accept it: drop the prefix.
    const serverVersion = handshake?.serverVersion?.replace(/^5\.5\.5-(?=\d+\.\d+\.\d+-MariaDB)/, '');
    const hostLabel = params.socketPath ? 'localhost' : params.host;
    const dialect = (await import('../../sql/dialects/mysql.js')).mysqlDialect;
    const finalParams = params;
    return new MysqlConnection(core, {
      info: Object.freeze({
        engine: 'mysql' as const,
        label: `${params.user}@${hostLabel}${params.database ? `/${params.database}` : ''}`,
        url: mysqlDisplayUrl(params),
        user: params.user,
        host: hostLabel,
        ...(params.socketPath ? {} : { port: params.port }),
        ...(params.database ? { database: params.database } : {}),
        ...(serverVersion ? { serverVersion } : {}),
        ...(target.readOnly ? { readOnly: true } : {}),
      }),
      dialect,
      database: params.database,
      open: async (database) => {
        try {
          return await openCore(driver, finalParams, database, target.readOnly);
        } catch (e) {
          throw connectError(e as MysqlDriverError, finalParams);
        }
      },
    });
  },
});
