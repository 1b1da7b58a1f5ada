/**
 * Command-line parsing: argv → CliOptions, psql-like where psql has a convention. Small and
 * hand-written because -h is both psql's host flag and the usual help flag: `-h HOST` sets the host,
 * a bare `-h` shows help.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { editDistance } from '../core/edit-distance.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/sink.js';
import type { EngineId } from '../sql/dialect.js';
import { parseAssignment } from '../sql/variables.js';
import { DEFAULT_SETTINGS } from '../config/settings.js';
import { applyPset } from '../meta/pset.js';
import { isMysqlStyle } from './mysql-style.js';

export type ScriptSource = { readonly type: 'command'; readonly sql: string } | { readonly type: 'file'; readonly path: string };

export interface CliOptions {
  readonly target?: string;
  readonly scripts: readonly ScriptSource[];
  readonly format?: OutputFormat;
  readonly output?: string;
  readonly header?: boolean;
  readonly nullString?: string;
  readonly continueOnError?: boolean;
  readonly confirmDestructive?: boolean;
  /** --dry-run: every change is previewed and rolled back; what each would do is printed. */
  readonly dryRun?: boolean;
  readonly demo: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly readOnly?: boolean;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly database?: string;
  /** The mysql client's -S / --socket PATH. */
  readonly socket?: string;
  /** The mysql client's --protocol=tcp: TCP even to localhost (socket, its default, is nothing to change). */
  readonly tcp?: boolean;
  readonly flagEngine?: EngineId;
  /** --ssh user@bastion[:port] and --ssh-key FILE: reach the server through an SSH tunnel. */
  readonly ssh?: string;
  readonly sshKey?: string;
  /** psql variables from -v NAME=VALUE / --set / --variable, -q (QUIET), -e / -a (ECHO), in order (value undefined: unset). */
  readonly variables?: readonly { readonly name: string; readonly value: string | undefined }[];
  /** psql -1: the scripts run inside one transaction (BEGIN before, COMMIT after). */
  readonly singleTransaction?: boolean;
  /** psql's printing options, in order: -A, -t, -F, -R, -z, -0, -x, --csv, -P NAME=VALUE (applied after --format and the rest). */
  readonly psets?: readonly { readonly name: string; readonly value: string | undefined }[];
  /**
   * The command line is sqlite3's (a SQLite file with sqlite3's -csv, -header, -cmd ... or SQL after it):
   * the dot-commands its options stand for, run first, and its output from the start (list mode, no status lines).
   */
  readonly sqlite3Prelude?: readonly string[];
  /** The command line is the mysql client's (a mysql:// or mariadb:// target, -u, -D): -e runs SQL, -t draws tables. */
  readonly mysqlStyle?: boolean;
  /**
   * A flag only the mysql client has was given (-e SQL, -u, -D, -B, -N, -r, --batch, ...): its output
   * habits follow (tab-separated when stdout is not a terminal). A mysql:// target with sqlsh's own
   * flags (-c, -f) keeps sqlsh's aligned table, as on every engine.
   */
  readonly mysqlClient?: boolean;
  /** The mysql client's -E / --vertical: its `*** 1. row ***` records (with format 'expanded'). */
  readonly vertical?: boolean;
  /** The mysql client's -s / --silent: its tab-separated output without the column names. */
  readonly mysqlSilent?: boolean;
  /** The mysql client's -H / --html and -X / --xml (output/mysql-markup-sinks.ts). */
  readonly mysqlMarkup?: 'html' | 'xml';
  /** The mysql client's -f / --force: a script goes on past a failed statement (each said on stderr) and exits 0. */
  readonly mysqlForce?: boolean;
  /** The mysql client's -vv: after each statement its row count or `Query OK` line, and `Bye` at the end. */
  readonly mysqlVerbose?: number;
  /** The mysql client's -pSECRET / --password=SECRET (taken out of the visible arguments by process-title.ts). */
  readonly password?: string;
  /** The mysql client's -p / --password alone: the password is asked for before connecting (`Enter password: `). */
  readonly askPassword?: boolean;
  /** The mysql client's --no-defaults, --defaults-file=FILE, --defaults-extra-file=FILE: the option files read. */
  readonly optionFiles?: { readonly none?: boolean; readonly only?: string; readonly extra?: string };
  /** The mysql client's --init-command=SQL (the last one) and --connect-timeout=SECONDS. */
  readonly initCommand?: string;
  readonly connectTimeout?: number;
  /** The mysql client's --show-warnings: its \\W from the start (each statement's warnings after it). */
  readonly mysqlShowWarnings?: boolean;
  /** The mysql client's --default-character-set=utf8 (or utf8mb3): the session's character set (utf8mb4 otherwise). */
  readonly charset?: 'utf8mb3';
}

interface FlagDef {
  readonly names: readonly string[];
  readonly value: boolean;
  apply(o: Mutable, v: string, name: string): void;
  /** A value that is only attached (-pVALUE, --password=VALUE): the flag alone does this, and the next argument is not its value. */
  bare?(o: Mutable, name: string): void;
}

/**
 * The mysql client's --default-character-set=NAME. sqlsh reads scripts as UTF-8 and its session is
 * utf8mb4 whatever the locale (the client follows the locale: README); utf8 and utf8mb3 make it
 * utf8mb3, as the client's (a character outside the BMP is then refused by the server, as there).
 * Another character set is refused: the client passes a script's bytes through in that character set,
 * sqlsh would send its UTF-8 reading of them.
 */
const DEFAULT_CHARACTER_SET: FlagDef = {
  names: ['--default-character-set'],
  value: true,
  apply: (o, v, n) => {
    const name = v.toLowerCase();
    if (name === 'utf8mb4') delete o.charset;
    else if (name === 'utf8' || name === 'utf8mb3') o.charset = 'utf8mb3';
    else if (/^\w+$/.test(name)) throw new UsageError(`${n}=${v}: sqlsh reads scripts as UTF-8 and talks utf8mb4 (or utf8mb3, with ${n}=utf8); convert a script written in ${v} first (iconv -f ${v} -t utf-8 x.sql) and leave the option out`);
    else throw new UsageError(`${n} expects a character set name (utf8mb4, utf8), got ${JSON.stringify(v)}`);
  },
};

/**
 * The mysql client's boolean options sqlsh takes on its command line, as the client reads them: --NAME,
 * --NAME=0|1 (on/off, true/false), --skip-NAME, --disable-NAME, --enable-NAME. Those that change nothing
 * here say why.
 */
const MYSQL_BOOLEANS: Readonly<Record<string, (o: Mutable, on: boolean, flag: string) => void>> = Object.freeze({
  'show-warnings': (o, on) => void (o.mysqlShowWarnings = on),
  // every result is streamed, never held whole: --quick is what sqlsh does
  quick: () => undefined,
  // the protocol's compression: the results are the same without it
  compress: () => undefined,
  'no-beep': () => undefined,
  // LOAD DATA LOCAL INFILE sends the file (mysql-local-infile.ts)
  'local-infile': (_o, on, flag) => {
    if (!on) throw new UsageError(`${flag}: sqlsh sends the file of a LOAD DATA LOCAL INFILE; leave the statement out instead`);
  },
  // sqlsh's MySQL/MariaDB connections are not encrypted
  ssl: (_o, on, flag) => {
    if (on) throw new UsageError(`${flag}: sqlsh's MySQL/MariaDB connections do not use TLS (use --ssh for a tunnel)`);
  },
});

/** The mysql client's boolean option a flag names (`--skip-show-warnings`: show-warnings, off), or undefined. */
function mysqlBoolean(name: string): { readonly key: string; readonly negated: boolean } | undefined {
  const m = /^--(skip-|disable-|enable-)?([a-z-]+)$/.exec(name);
  if (!m || !Object.hasOwn(MYSQL_BOOLEANS, m[2]!)) return undefined;
  return { key: m[2]!, negated: m[1] === 'skip-' || m[1] === 'disable-' };
}

function mysqlBooleanFlag(key: string, negated: boolean): FlagDef {
  const set = MYSQL_BOOLEANS[key]!;
  return {
    names: [`--${key}`],
    value: true,
    apply: (o, v, n) => {
      if (!/^(0|1|on|off|true|false)$/i.test(v)) throw new UsageError(`${n} takes 0 or 1, got ${JSON.stringify(v)}`);
      set(o, /^(1|on|true)$/i.test(v) !== negated, n);
    },
    bare: (o, n) => set(o, !negated, n),
  };
}

/** The mysql client's --protocol=tcp|socket|pipe (any case): tcp goes by TCP to localhost too. */
const MYSQL_PROTOCOL: FlagDef = {
  names: ['--protocol'],
  value: true,
  apply: (o, v, n) => {
    const p = v.toLowerCase();
    if (p === 'tcp') o.tcp = true;
    else if (p === 'socket') delete o.tcp;
    else if (p === 'pipe' || p === 'memory') throw new UsageError(`${n}=${v}: sqlsh connects by TCP or a Unix socket (--protocol=tcp or socket)`);
    else throw new UsageError(`${n}: unknown protocol ${JSON.stringify(v)}; the mysql client's are TCP, SOCKET and PIPE`);
    setEngine(o, 'mysql', n);
  },
};

/**
 * The mysql client's -pSECRET, --password=SECRET, and -p or --password alone (asked for before
 * connecting): the value is attached or absent, never the next argument (`-p shop` asks, shop is the database).
 */
const MYSQL_PASSWORD: FlagDef = {
  names: ['-p', '--password'],
  value: true,
  apply: (o, v) => void ((o.password = v), delete o.askPassword),
  bare: (o) => void ((o.askPassword = true), delete o.password),
};

type Mutable = { -readonly [K in keyof CliOptions]: CliOptions[K] } & { scripts: ScriptSource[]; raw?: boolean; silent?: boolean; verbose?: number; executeAt?: number };

/** The mysql client's -e / --execute: several are one script, joined with a space, as the client joins them. */
function mysqlExecute(o: Mutable, sql: string): void {
  const at = o.executeAt;
  const prev = at === undefined ? undefined : o.scripts[at];
  if (prev?.type === 'command') {
    o.scripts[at!] = { type: 'command', sql: `${prev.sql} ${sql}` };
    return;
  }
  o.executeAt = o.scripts.length;
  o.scripts.push({ type: 'command', sql });
}

/** A psql printing option, checked now (a bad one is a usage error before connecting). */
function pset(o: Mutable, name: string, value: string | undefined, flag: string): void {
  const r = applyPset(DEFAULT_SETTINGS, name, value);
  if ('error' in r) throw new UsageError(`${flag}: ${r.error.replace(/^\\pset: /, '')}`);
  o.psets = [...(o.psets ?? []), { name, value }];
}

/** -P NAME=VALUE or -P NAME (psql); a number is the MySQL port. */
function psetAssignment(o: Mutable, v: string, flag: string): void {
  const eq = v.indexOf('=');
  const [name, value] = eq < 0 ? [v, undefined] : [v.slice(0, eq), v.slice(eq + 1)];
  if (['title', 'xheader_width'].includes(name)) {
    throw new UsageError(`${flag} ${name}: sqlsh has no such printing option; use --format (table styles: \\T ascii, unicode, psql in the shell); see sqlsh --help`);
  }
  pset(o, name, value, flag);
}

/** -v NAME=VALUE (psql): NAME alone unsets. */
function setVariable(o: Mutable, v: string, name: string): void {
  const a = parseAssignment(v);
  if (!a) throw new UsageError(`${name} expects NAME=VALUE with a name of letters, digits and underscores, got ${JSON.stringify(v)}`);
  o.variables = [...(o.variables ?? []), a];
}

function port(v: string, name: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 65535) throw new UsageError(`${name} expects a port number from 1 to 65535, got ${JSON.stringify(v)}`);
  return n;
}

function setEngine(o: Mutable, e: EngineId, name: string): void {
  if (o.flagEngine && o.flagEngine !== e) {
    throw new UsageError(`${name} is a ${e === 'mysql' ? 'MySQL' : 'PostgreSQL'} flag but PostgreSQL/MySQL flags were mixed; use -h -p -U -d (PostgreSQL) or -h -P -u -D (MySQL)`);
  }
  o.flagEngine = e;
}

const FLAGS: readonly FlagDef[] = [
  { names: ['-c', '--command'], value: true, apply: (o, v) => o.scripts.push({ type: 'command', sql: v }) },
  { names: ['-f', '--file'], value: true, apply: (o, v) => o.scripts.push({ type: 'file', path: v }) },
  {
    names: ['--format'],
    value: true,
    apply: (o, v) => {
      const f = v.toLowerCase() as OutputFormat;
      if (!OUTPUT_FORMATS.includes(f)) throw new UsageError(`--format expects one of ${OUTPUT_FORMATS.join(', ')}, got ${JSON.stringify(v)}`);
      o.format = f;
    },
  },
  { names: ['-o', '--output'], value: true, apply: (o, v) => void (o.output = v) },
  { names: ['--no-header'], value: false, apply: (o) => void (o.header = false) },
  { names: ['--null'], value: true, apply: (o, v) => void (o.nullString = v) },
  { names: ['--continue-on-error'], value: false, apply: (o) => void (o.continueOnError = true) },
  { names: ['--confirm-destructive'], value: false, apply: (o) => void (o.confirmDestructive = true) },
  { names: ['--dry-run'], value: false, apply: (o) => void (o.dryRun = true) },
  { names: ['--demo'], value: false, apply: (o) => void (o.demo = true) },
  { names: ['--help', '-?'], value: false, apply: (o) => void (o.help = true) },
  { names: ['-V', '--version'], value: false, apply: (o) => void (o.version = true) },
  { names: ['--read-only'], value: false, apply: (o) => void (o.readOnly = true) },
  { names: ['--host'], value: true, apply: (o, v) => void (o.host = v) },
  { names: ['--ssh'], value: true, apply: (o, v) => void (o.ssh = v) },
  { names: ['--ssh-key'], value: true, apply: (o, v) => void (o.sshKey = v) },
  {
    names: ['-p'],
    value: true,
    apply: (o, v, n) => {
      // (the mysql client's -pSECRET is MYSQL_PASSWORD, on its command line; not repeated here: it may be one)
      if (!/^\d+$/.test(v)) throw new UsageError(`${n} is psql's port here and expects a port number from 1 to 65535; the mysql client's ${n}PASSWORD is read on its command line (with -u USER, -D DB or a mysql:// target)`);
      setEngine(o, 'postgres', n);
      o.port = port(v, n);
    },
  },
  {
    names: ['-P'],
    value: true,
    apply: (o, v, n) => {
      if (!/^\d+$/.test(v)) return psetAssignment(o, v, n); // psql's -P NAME=VALUE (\pset)
      setEngine(o, 'mysql', n);
      o.port = port(v, n);
    },
  },
  { names: ['--pset'], value: true, apply: (o, v, n) => psetAssignment(o, v, n) },
  // psql's printing flags (the mysql client's -t, table output, is read in parseArgs)
  { names: ['-A', '--no-align'], value: false, apply: (o, _v, n) => pset(o, 'format', 'unaligned', n) },
  { names: ['-t', '--tuples-only', '--table'], value: false, apply: (o, _v, n) => (o.mysqlStyle || n === '--table' ? void (pset(o, 'format', 'ascii', n), pset(o, 'footer', 'off', n)) : pset(o, 'tuples_only', 'on', n)) },
  { names: ['-F', '--field-separator'], value: true, apply: (o, v, n) => pset(o, 'fieldsep', v, n) },
  { names: ['-R', '--record-separator'], value: true, apply: (o, v, n) => pset(o, 'recordsep', v, n) },
  { names: ['-z', '--field-separator-zero'], value: false, apply: (o, _v, n) => pset(o, 'fieldsep_zero', undefined, n) },
  { names: ['-0', '--record-separator-zero'], value: false, apply: (o, _v, n) => pset(o, 'recordsep_zero', undefined, n) },
  { names: ['-x', '--expanded'], value: false, apply: (o, _v, n) => pset(o, 'expanded', 'on', n) },
  { names: ['--csv'], value: false, apply: (o, _v, n) => pset(o, 'format', 'csv', n) },
  { names: ['-H', '--html'], value: false, apply: (o, _v, n) => pset(o, 'format', 'html', n) },
  { names: ['-T', '--table-attr'], value: true, apply: (o, v, n) => pset(o, 'tableattr', v, n) },
  { names: ['--port'], value: true, apply: (o, v, n) => void (o.port = port(v, n)) },
  { names: ['-U'], value: true, apply: (o, v, n) => (setEngine(o, 'postgres', n), void (o.user = v)) },
  { names: ['-u'], value: true, apply: (o, v, n) => (setEngine(o, 'mysql', n), void (o.user = v)) },
  { names: ['--user', '--username'], value: true, apply: (o, v) => void (o.user = v) },
  { names: ['-d'], value: true, apply: (o, v, n) => (setEngine(o, 'postgres', n), void (o.database = v)) },
  { names: ['-D'], value: true, apply: (o, v, n) => (setEngine(o, 'mysql', n), void (o.database = v)) },
  { names: ['--dbname', '--database'], value: true, apply: (o, v) => void (o.database = v) },
  // psql's script flags: variables, quiet, echo; -X: sqlsh reads no psqlrc, so there is nothing to skip
  { names: ['-v', '--set', '--variable'], value: true, apply: setVariable },
  { names: ['-q', '--quiet'], value: false, apply: (o) => setVariable(o, 'QUIET=on', '-q') },
  { names: ['-e', '--echo-queries'], value: false, apply: (o) => setVariable(o, 'ECHO=queries', '-e') }, // -e SQL under mysqlStyle: see parseArgs
  { names: ['--execute'], value: true, apply: (o, v) => (o.mysqlStyle ? mysqlExecute(o, v) : void o.scripts.push({ type: 'command', sql: v })) },
  { names: ['-a', '--echo-all'], value: false, apply: (o) => setVariable(o, 'ECHO=all', '-a') },
  { names: ['-X', '--no-psqlrc'], value: false, apply: () => undefined },
  { names: ['-1', '--single-transaction'], value: false, apply: (o) => void (o.singleTransaction = true) },
  // the mysql client's batch output: tab-separated, escaped as tsv, NULL written NULL; -N leaves out the names
  { names: ['-B', '--batch'], value: false, apply: (o) => void ((o.format = 'tsv'), (o.nullString ??= 'NULL')) },
  { names: ['-N', '--skip-column-names', '--disable-column-names'], value: false, apply: (o) => void (o.header = false) },
  { names: ['--column-names'], value: false, apply: (o) => void (o.header = true) },
  // --raw: values as they are (no \\t, \\n escapes): the unaligned format with tabs, without its footer
  { names: ['-r', '--raw'], value: false, apply: (o) => void (o.raw = true) },
];

/** psql options sqlsh does not have: refused with what to use instead, never ignored. */
const PSQL_ONLY: ReadonlyMap<string, string> = new Map([
  ...['-L', '--log-file'].map((n) => [n, 'use -o FILE for the results'] as const),
  ...['-E', '--echo-hidden', '-b', '--echo-errors', '-s', '--single-step', '-S', '--single-line', '-n', '--no-readline', '-l', '--list']
    .map((n) => [n, 'it has no sqlsh equivalent'] as const),
  ...['-w', '--no-password'].map((n) => [n, 'sqlsh asks for a password only when the server wants one and a terminal is there'] as const),
]);

const ALL_NAMES = FLAGS.flatMap((f) => f.names).concat(['-h']);

function closest(name: string): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const n of ALL_NAMES) {
    const d = editDistance(name, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}

/** The flag a name stands for; the mysql client's -e SQL and -E (vertical) on a mysql command line. */
function flagDef(o: Mutable, name: string, next?: string): FlagDef | undefined {
  if (o.mysqlStyle && name === '--default-character-set') return DEFAULT_CHARACTER_SET;
  if (o.mysqlStyle && name === '--protocol') return MYSQL_PROTOCOL;
  // the mysql client's option files (it takes them first on its line only; sqlsh anywhere)
  if (o.mysqlStyle && name === '--no-defaults') return { names: [name], value: false, apply: (m, _v, n) => void (setEngine(m, 'mysql', n), (m.optionFiles = { none: true })) };
  if (o.mysqlStyle && name === '--defaults-file') return { names: [name], value: true, apply: (m, v, n) => void (setEngine(m, 'mysql', n), (m.optionFiles = { only: v })) };
  if (o.mysqlStyle && name === '--defaults-extra-file') return { names: [name], value: true, apply: (m, v, n) => void (setEngine(m, 'mysql', n), (m.optionFiles = { extra: v })) };
  if (o.mysqlStyle && name === '--init-command') return { names: [name], value: true, apply: (m, v) => void (m.initCommand = v) };
  if (o.mysqlStyle && name === '--connect-timeout') {
    return {
      names: [name],
      value: true,
      apply: (m, v, n) => {
        if (!/^\d+$/.test(v) || Number(v) === 0) throw new UsageError(`${n} expects a number of seconds, got ${JSON.stringify(v)}`);
        m.connectTimeout = Number(v);
      },
    };
  }
  const boolean = o.mysqlStyle ? mysqlBoolean(name) : undefined;
  if (boolean) return mysqlBooleanFlag(boolean.key, boolean.negated);
  if (o.mysqlStyle && name === '-C') return mysqlBooleanFlag('compress', false);
  // the mysql client's -S / --socket PATH (psql's -S, single-line mode, is refused elsewhere)
  if (o.mysqlStyle && (name === '-S' || name === '--socket')) return { names: [name], value: true, apply: (m, v, n) => (setEngine(m, 'mysql', n), void (m.socket = v)) };
  if (o.mysqlStyle && (name === '-p' || name === '--password')) return MYSQL_PASSWORD;
  if (o.mysqlStyle && name === '-e') return { names: ['-e'], value: true, apply: mysqlExecute };
  if (o.mysqlStyle && (name === '-E' || name === '--vertical')) return { names: [name], value: false, apply: (m) => void ((m.format = 'expanded'), (m.vertical = true)) };
  // the mysql client's -H / --html and -X / --xml (psql's -H is html too, its -X skips the psqlrc)
  if (o.mysqlStyle && (name === '-H' || name === '--html')) return { names: [name], value: false, apply: (m) => void (m.mysqlMarkup = 'html') };
  if (o.mysqlStyle && (name === '-X' || name === '--xml')) return { names: [name], value: false, apply: (m) => void (m.mysqlMarkup = 'xml') };
  // the mysql client's -s (no column names in its tab-separated output) and -v (each statement before its result)
  // the mysql client's -f / --force (on its own command line; sqlsh's -f FILE otherwise, and when a script file follows)
  if ((o.mysqlClient && name === '-f' && !(next !== undefined && isScriptFile(next))) || (o.mysqlStyle && name === '--force')) return { names: [name], value: false, apply: (m) => void ((m.continueOnError = true), (m.mysqlForce = true)) };
  if (o.mysqlStyle && (name === '-s' || name === '--silent')) return { names: [name], value: false, apply: (m) => void (m.silent = true) };
  if (o.mysqlStyle && (name === '-v' || name === '--verbose')) return { names: [name], value: false, apply: (m) => void (m.verbose = (m.verbose ?? 0) + 1) };
  // the mysql client's -A / --no-auto-rehash and --auto-rehash (its completion's table of names): nothing to do here
  if (o.mysqlStyle && (name === '-A' || /^--(no-|skip-|disable-)?auto-rehash$/.test(name))) return { names: [name], value: false, apply: () => undefined };
  return FLAGS.find((f) => f.names.includes(name));
}

function unknown(name: string, arg: string, inline: string | undefined): never {
  const psqlOnly = PSQL_ONLY.get(name) ?? PSQL_ONLY.get(arg);
  if (psqlOnly) throw new UsageError(`${name} is a psql option that sqlsh does not support: ${psqlOnly}; see sqlsh --help`);
  const guess = closest(arg.startsWith('--') ? name : arg);
  // The name only: the value of an unknown --name=VALUE may be a secret (--password=...).
  const shown = inline !== undefined ? name : arg;
  const hint = /^--?pass(word)?$/i.test(shown) ? '; give the password in PGPASSWORD, ~/.pgpass, MYSQL_PWD or ~/.my.cnf, or let sqlsh ask for it' : '';
  throw new UsageError(`unknown option ${JSON.stringify(shown)}${guess && !hint ? ` (did you mean ${guess}?)` : ''}${hint}; see sqlsh --help`);
}

/** A file to run (`-f script.sql` on a mysql command line is sqlsh's -f FILE, not the client's --force): a .sql name or a file that exists. */
function isScriptFile(arg: string): boolean {
  if (arg.startsWith('-')) return false;
  if (/\.(sql|txt|inc)$/i.test(arg)) return true;
  try {
    return statSync(arg).isFile();
  } catch {
    return false;
  }
}

/** A flag of the mysql client's own (in a bundle such as -Ne too). */
function isMysqlClientFlag(a: string): boolean {
  if (a.startsWith('--')) return /^--(batch|skip-column-names|disable-column-names|column-names|raw|execute|vertical|table|user|database|silent|verbose|html|xml|force|default-character-set|socket|protocol|init-command|connect-timeout|no-defaults|defaults-file|defaults-extra-file|(no-|skip-|disable-)?auto-rehash|(skip-|disable-|enable-)?(show-warnings|quick|compress|no-beep|local-infile|ssl))\b/.test(a);
  if (!a.startsWith('-')) return false;
  // a bundle's letters up to the first that takes a value (the rest is the value: -cSELECT, -psecret);
  // -p (the client's password) counts, as -u does
  for (const ch of a.slice(1)) {
    if ('uDBNerEsvHXASCp'.includes(ch)) return true;
    if ('cfoFRTPUdh'.includes(ch)) return false;
  }
  return false;
}

/** sqlite3's options: the dot-command each stands for (a value option: with its value). */
const SQLITE3_MODES = ['box', 'column', 'csv', 'html', 'json', 'line', 'list', 'markdown', 'quote', 'table', 'tabs'];
const SQLITE3_OPTIONS: Readonly<Record<string, { readonly value: boolean; readonly dot?: (v: string) => string }>> = Object.freeze({
  ...Object.fromEntries(SQLITE3_MODES.map((m) => [m, { value: false, dot: () => `.mode ${m}` }])),
  // sqlite3's -csv keeps the line end a newline (.mode csv makes it \r\n); -tabs is list mode with a tab
  csv: { value: false, dot: () => '.mode csv\n.separator , "\\n"' },
  tabs: { value: false, dot: () => '.mode list\n.separator "\\t"' },
  ascii: { value: false, dot: () => '.mode ascii' },
  // -newline SEP: the row separator alone (parseSqlite3Args keeps the column one)
  newline: { value: true },
  eqp: { value: false, dot: () => '.eqp on' },
  stats: { value: false, dot: () => '.stats on' },
  // taken and changing nothing here: SQLite's memory map size, and opening through a symbolic link
  mmap: { value: true },
  nofollow: { value: false },
  header: { value: false, dot: () => '.headers on' },
  headers: { value: false, dot: () => '.headers on' },
  noheader: { value: false, dot: () => '.headers off' },
  bail: { value: false, dot: () => '.bail on' },
  echo: { value: false, dot: () => '.echo on' },
  batch: { value: false },
  separator: { value: true, dot: (v) => `.separator ${sqlite3Quoted(v)}` },
  nullvalue: { value: true, dot: (v) => `.nullvalue ${sqlite3Quoted(v)}` },
  cmd: { value: true, dot: (v) => v },
  init: { value: true, dot: (v) => `.read ${sqlite3Quoted(v)}` },
  readonly: { value: false },
});

/** An argument for a dot-command line, quoted as sqlite3 reads it (a C string). */
function sqlite3Quoted(v: string): string {
  return `"${v.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** A SQLite file as sqlite3 is given one: :memory:, a .db/.sqlite/.sqlite3/.db3 name, or a file with SQLite's header. */
function isSqliteFile(arg: string): boolean {
  if (arg === ':memory:' || /\.(db|db3|sqlite|sqlite3)$/i.test(arg)) return true;
  try {
    const fd = openSync(arg, 'r');
    try {
      const head = Buffer.alloc(16);
      readSync(fd, head, 0, 16, 0);
      return head.toString('latin1') === 'SQLite format 3\0';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * sqlite3's command line: `FILE [SQL ...]` with its options (-csv, -header, -cmd ..., one dash or two), read
 * when the first word that is not an option is a SQLite file and an option of sqlite3's or SQL follows it.
 * undefined: not such a line (psql's and the mysql client's flags read it).
 */
function parseSqlite3Args(argv: readonly string[]): CliOptions | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const sqliteOption = (a: string): string | undefined => {
    const m = /^--?([a-z]+)$/.exec(a);
    return m && Object.hasOwn(SQLITE3_OPTIONS, m[1]!) ? m[1] : undefined;
  };
  const file = argv.find((a, i) => !a.startsWith('-') && !(i > 0 && SQLITE3_OPTIONS[sqliteOption(argv[i - 1]!) ?? '']?.value));
  if (file === undefined || !isSqliteFile(file)) return undefined;
  // one of sqlite3's own options (-csv, -header ...: psql would read -csv as -c sv), or only words: FILE SQL...
  // (--header too, which is sqlite3's only; --csv and --html are psql's as well)
  const single = argv.some((a) => (/^-[a-z]{3,}$/.test(a) && (sqliteOption(a) !== undefined || a === '-version' || a === '-help')) || (a.startsWith('--') && sqliteOption(a) !== undefined && !ALL_NAMES.includes(a)));
  if (!single && (words.length < 2 || words.length !== argv.length)) return undefined;
  const o: Mutable = { scripts: [], demo: false, help: false, version: false, target: file };
  const first: string[] = [];
  const prelude: string[] = [];
  let target = false;
  // the separators the options set so far, as sqlite3 keeps them: -newline changes the row one only, and -csv
  // the column one only (its row separator stays)
  let col = '|';
  let row = '\n';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = sqliteOption(arg);
    if (name === undefined) {
      if (arg.startsWith('-')) {
        if (arg === '-version' || arg === '--version' || arg === '-help' || arg === '--help') {
          if (arg.endsWith('version')) o.version = true;
          else o.help = true;
          continue;
        }
        throw new UsageError(`${arg}: sqlite3's option is not one sqlsh takes (it takes ${Object.keys(SQLITE3_OPTIONS).map((k) => `-${k}`).join(' ')})`);
      }
      if (!target) target = true; // the file
      else o.scripts.push({ type: 'command', sql: arg }); // SQL (or a dot-command) to run, in order
      continue;
    }
    const def = SQLITE3_OPTIONS[name]!;
    const v = def.value ? argv[++i] : '';
    if (v === undefined) throw new UsageError(`${arg} needs a value; see sqlsh --help`);
    if (name === 'separator') col = v;
    else if (name === 'tabs') [col, row] = ['\t', '\n'];
    else if (name === 'ascii') [col, row] = ['\x1f', '\x1e'];
    if (name === 'readonly') o.readOnly = true;
    else if (name === 'bail' || name === 'init') first.push(def.dot!(v)); // (sqlite3 reads -init's file before its other options: -echo does not echo it)
    else if (name === 'newline') {
      row = v;
      prelude.push(`.separator ${sqlite3Quoted(col)} ${sqlite3Quoted(v)}`);
    } else if (name === 'csv') {
      col = ',';
      prelude.push(`.mode csv\n.separator , ${sqlite3Quoted(row)}`);
    } else if (def.dot) prelude.push(def.dot(v));
  }
  o.sqlite3Prelude = [...first, ...prelude];
  return Object.freeze(o);
}

/** `mysql`: the target is known to be MySQL/MariaDB (a saved connection), so the mysql client's flags read as its own. */
export function parseArgs(argv: readonly string[], known: { readonly mysql?: boolean } = {}): CliOptions {
  if (!known.mysql) {
    const sqlite3 = parseSqlite3Args(argv);
    if (sqlite3) return sqlite3;
  }
  const o: Mutable = { scripts: [], demo: false, help: false, version: false };
  if (known.mysql || isMysqlStyle(argv)) o.mysqlStyle = true;
  if (o.mysqlStyle && argv.some(isMysqlClientFlag)) o.mysqlClient = true;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '-h') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        o.host = next;
        i++;
      } else o.help = true;
      continue;
    }
    if (arg.startsWith('-h') && arg.length > 2) {
      o.host = arg.slice(2); // -hHOST, as psql and the mysql client read it
      continue;
    }
    let name = arg;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) [name, inline] = [arg.slice(0, eq), arg.slice(eq + 1)];
    else if (!arg.startsWith('--') && arg.length > 2) [name, inline] = [arg.slice(0, 2), arg.slice(2)]; // -cSQL, -p5432, -At
    // Short flags bundle as with getopt: -At is -A -t, -Atc SQL is -A -t -c SQL.
    for (;;) {
      const def = flagDef(o, name, inline ?? argv[i + 1]);
      if (!def) unknown(name, arg, inline);
      if (def.value && inline === undefined && def.bare) def.bare(o, name);
      else if (def.value) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${name} needs a value; see sqlsh --help`);
        def.apply(o, v, name);
      } else if (inline !== undefined && !arg.startsWith('--')) {
        def.apply(o, '', name);
        [name, inline] = [`-${inline[0]}`, inline.length > 1 ? inline.slice(1) : undefined];
        continue;
      } else {
        // the mysql client's boolean options: --column-names=0, --skip-column-names=1
        if (inline !== undefined && o.mysqlStyle && /^(0|1|on|off|true|false)$/i.test(inline) && (name === '--column-names' || name === '--skip-column-names')) {
          const on = /^(1|on|true)$/i.test(inline);
          o.header = name === '--column-names' ? on : !on;
          break;
        }
        if (inline !== undefined) throw new UsageError(`${name} takes no value, got ${JSON.stringify(arg)}`);
        def.apply(o, '', name);
      }
      break;
    }
  }
  // mysql -s: the tab-separated output without its column names (-t tables, -E and \\G records keep theirs)
  if (o.silent) o.mysqlSilent = true;
  if (o.verbose !== undefined) {
    setVariable(o, 'ECHO=queries', '-v');
    if (o.verbose > 1) o.mysqlVerbose = o.verbose;
    // mysql -vvv: the ascii table whatever else was asked (-B too), unless -E's records; the time after the row count
    if (o.verbose > 2 && !o.vertical) {
      pset(o, 'format', 'ascii', '-vvv');
      pset(o, 'footer', 'off', '-vvv');
    }
  }
  delete o.silent;
  delete o.verbose;
  // (with -t the client keeps its ascii table, in either order: -r only stops the escapes there)
  if (o.raw && (o.format === 'tsv' || o.format === undefined) && !o.psets?.some((p) => p.name === 'format' && p.value === 'ascii')) {
    // the mysql client's --raw: tab-separated values written as they are, NULL as NULL
    o.format = undefined;
    o.nullString ??= 'NULL';
    o.psets = [...(o.psets ?? []), { name: 'format', value: 'unaligned' }, { name: 'fieldsep', value: '\t' }, { name: 'footer', value: 'off' }];
  }
  // -h alone: psql's, or the mysql client's on its command line (mysql -h db -psecret shop)
  if (o.host !== undefined && !o.flagEngine) o.flagEngine = o.mysqlStyle ? 'mysql' : 'postgres';
  // psql's `DBNAME USERNAME`: with psql's connection flags, a second word is the user
  if (positional.length === 2 && o.flagEngine === 'postgres' && o.user === undefined && !/[/:]/.test(positional[1]!)) {
    o.user = positional.pop();
  }
  if (positional.length > 1) {
    throw new UsageError(`expected at most one database target, got ${positional.map((p) => JSON.stringify(p)).join(' ')}; put SQL in -c "..."`);
  }
  if (positional[0] !== undefined) o.target = positional[0];
  if (o.demo && o.target !== undefined) throw new UsageError(`--demo opens the demo database; it cannot be combined with the target ${JSON.stringify(o.target)}`);
  delete o.raw;
  delete o.executeAt;
  return Object.freeze(o);
}
