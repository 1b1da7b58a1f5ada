/**
 * psql variables as plain data: an immutable map replaced whole on each change (`\set`, `\unset`,
 * `-v NAME=VALUE`, `\gset`), and psql's rules for reading a variable as a boolean.
 *
 * The rule that keeps sqlsh's own `\set` settings working: a name that is a sqlsh setting key
 * (`format`, `timing`, `null_string`, ... as in config.toml) is a setting; every other name is a
 * psql variable. psql's own special variables are upper case (ON_ERROR_STOP, ECHO, QUIET, ...), so
 * the two never meet.
 */

export type Variables = ReadonlyMap<string, string>;

export const NO_VARIABLES: Variables = Object.freeze(new Map<string, string>());

/** A copy of `vars` with NAME set (value undefined: removed). */
export function withVariable(vars: Variables, name: string, value: string | undefined): Variables {
  const next = new Map(vars);
  if (value === undefined) next.delete(name);
  else next.set(name, value);
  return Object.freeze(next);
}

/** psql's variable names: letters (any script), digits and underscores. */
export function isVariableName(name: string): boolean {
  return /^[\p{L}\p{N}_]+$/u.test(name);
}

/**
 * psql's boolean reading (ParseVariableBool): case-insensitive, any prefix of true/false/yes/no,
 * on/off (at least two letters: "o" is ambiguous), 1/0. undefined: not a boolean.
 */
export function parseBoolean(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if ('true'.startsWith(v) || 'yes'.startsWith(v)) return true;
  if ('false'.startsWith(v) || 'no'.startsWith(v)) return false;
  if (v.length >= 2 && 'on'.startsWith(v)) return true;
  if (v.length >= 2 && 'off'.startsWith(v)) return false;
  if (v === '1') return true;
  if (v === '0') return false;
  return undefined;
}

/** A special variable read as a switch: undefined when unset or not a boolean (psql warns on \\set). */
export function variableFlag(vars: Variables, name: string): boolean | undefined {
  const v = vars.get(name);
  return v === undefined ? undefined : parseBoolean(v);
}

/** Parses `NAME=VALUE` (-v, --set); `NAME` alone unsets it, as in psql. undefined when the name is not valid. */
export function parseAssignment(text: string): { name: string; value: string | undefined } | undefined {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  if (!isVariableName(name)) return undefined;
  return { name, value: eq < 0 ? undefined : text.slice(eq + 1) };
}

/** The special variables psql sets after a statement that ran: ROW_COUNT, ERROR, SQLSTATE. */
export function afterSuccess(vars: Variables, rowCount: number): Variables {
  const next = new Map(vars);
  next.set('ROW_COUNT', String(rowCount));
  next.set('ERROR', 'false');
  next.set('SQLSTATE', '00000');
  return Object.freeze(next);
}

/** ... and after one that failed: ERROR, SQLSTATE, LAST_ERROR_MESSAGE, LAST_ERROR_SQLSTATE. */
export function afterFailure(vars: Variables, message: string, sqlstate: string | undefined): Variables {
  const next = new Map(vars);
  next.set('ROW_COUNT', '0');
  next.set('ERROR', 'true');
  next.set('SQLSTATE', sqlstate ?? '');
  next.set('LAST_ERROR_MESSAGE', message);
  next.set('LAST_ERROR_SQLSTATE', sqlstate ?? '');
  return Object.freeze(next);
}

/** What psql's connection variables are read from (engines' ConnectionInfo). */
export interface ConnectionFacts {
  readonly engine: string;
  readonly database?: string;
  readonly user?: string;
  readonly host?: string;
  readonly port?: number;
  readonly serverVersion?: string;
}

/**
 * psql's variables about the connection, set on connecting and on \\c: DBNAME, USER, HOST, PORT and,
 * on PostgreSQL, ENCODING, SERVER_VERSION_NAME and SERVER_VERSION_NUM (150018 for 15.18, as
 * PQserverVersion counts). Scripts test them (`\\if`, `:DBNAME` in a file name).
 */
export function withConnectionVariables(vars: Variables, info: ConnectionFacts): Variables {
  const next = new Map(vars);
  const put = (name: string, value: string | number | undefined) => {
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, String(value));
  };
  put('DBNAME', info.database);
  put('USER', info.user);
  put('HOST', info.host);
  put('PORT', info.port);
  const pg = info.engine === 'postgres';
  put('ENCODING', pg ? 'UTF8' : undefined);
  put('SERVER_VERSION_NAME', pg ? info.serverVersion : undefined);
  put('SERVER_VERSION_NUM', pg ? serverVersionNum(info.serverVersion) : undefined);
  return Object.freeze(next);
}

/** PostgreSQL's version as a number: 15.18 is 150018, 9.6.24 is 90624. */
export function serverVersionNum(version: string | undefined): number | undefined {
  const m = version ? /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version) : null;
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  return major >= 10 ? major * 10000 + minor : major * 10000 + minor * 100 + patch;
}
