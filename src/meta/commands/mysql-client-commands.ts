/**
 * The mysql client's own backslash commands, as the client means them: the command table a script
 * on the mysql client's command line (session.mysqlClient) reads before sqlsh's (psql's) one
 * (meta-registry.ts, mysqlClientRegistry). Everywhere else the same letters keep psql's meanings.
 *
 * What the client does in batch mode (a script, -e), compared with the mariadb 10.11 client:
 *   \c          clears the statement being typed (nothing is sent)
 *   \p          prints the statement between two dashed rules and keeps it (run-script keeps it going)
 *   \r [db [host]]  reconnects (to db, on host), the statement being typed is dropped
 *   \d DELIM    sets the delimiter (read where the statement starts: the splitter, as DELIMITER)
 *   \C charset  sets the connection's character set (SET NAMES)
 *   \T file, \t tee, notee: batch mode keeps no tee file; \t says `Outfile disabled.`
 *   \n          nopager: `PAGER set to stdout`
 *   \W, \w      warnings after each statement on, off
 *   \#          rehash (completion): nothing to do in a script
 *   \s          status: the connection's facts between rules (mysql-status.ts)
 *   \R [text]   prompt: says the prompt it sets (a script shows none)
 *   \! command  system: the command run by /bin/sh (alone: the client's usage error)
 * and, as a line at a statement's start, their names: tee, notee, system, prompt, charset, warnings,
 * nowarning, rehash, nopager, clear, print, status, connect (sql/mysql-client-command.ts).
 */
import type { MetaCommand, MetaContext, MetaOutcome } from '../meta-command.js';
import { ok } from '../meta-command.js';
import { ConnectError, SqlError } from '../../core/errors.js';
import { mysqlClientErrorLine } from '../mysql-client-error.js';
import { clientDelimiterArg } from '../../sql/splitter.js';

const say = (ctx: MetaContext, message: string, server?: { readonly vendorCode?: number; readonly code?: string }): MetaOutcome => {
  ctx.session.io.error(mysqlClientErrorLine(ctx.opts, message, server));
  return { type: 'error' };
};

const clear: MetaCommand = {
  name: '\\c',
  group: 'General',
  syntax: '\\c',
  summary: "the mysql client's clear: drop the statement being typed",
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx) {
    ctx.session.queryBuffer = undefined;
    return ok;
  },
};

const print: MetaCommand = {
  name: '\\p',
  group: 'General',
  syntax: '\\p',
  summary: "the mysql client's print: show the statement being typed between rules (it is kept)",
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx) {
    const text = ctx.session.queryBuffer ?? '';
    const rule = '--------------\n';
    await ctx.session.io.stdout.write(`${rule}${text}${text.endsWith('\n') ? '' : '\n'}${rule}\n`);
    return ok;
  },
};

/** The client's words for a failed (re)connect: the server's error, or the client library's. */
function connectFailure(ctx: MetaContext, e: unknown, host: string | undefined): MetaOutcome {
  const cause = (e as { cause?: { errno?: number; sqlState?: string; sqlMessage?: string; code?: string } }).cause;
  if (cause?.sqlMessage !== undefined && cause.errno !== undefined) {
    return say(ctx, cause.sqlMessage, { vendorCode: cause.errno, code: cause.sqlState ?? 'HY000' });
  }
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') {
    // the resolver's status in the client's parentheses: EAI_NONAME -2, EAI_AGAIN -3
    return say(ctx, `Unknown server host '${host ?? ''}' (${cause.code === 'EAI_AGAIN' ? -3 : -2})`, { vendorCode: 2005, code: 'HY000' });
  }
  return say(ctx, (e as Error).message);
}

const connect: MetaCommand = {
  name: '\\r',
  group: 'Connection',
  syntax: '\\r [DATABASE [HOST]]',
  summary: "the mysql client's connect: reconnect, to DATABASE on HOST when given",
  args: { min: 0, max: Infinity, kinds: ['text'] }, // (words after HOST are left alone, as the client leaves them)
  async run(ctx, args) {
    const s = ctx.session;
    s.queryBuffer = undefined; // the statement being typed is dropped
    const [db, host] = args.words;
    const base = s.target ?? { engine: 'mysql' as const };
    const target = {
      ...base,
      ...(db !== undefined && db !== '' ? { database: db } : {}),
      ...(host !== undefined && db !== '' ? { host } : {}),
    };
    try {
      await s.reconnect(target);
    } catch (e) {
      if (!(e instanceof ConnectError || e instanceof SqlError)) throw e;
      // the client has let its connection go: its next statement cannot run (run-script.ts)
      s.mysqlDisconnected = true;
      return connectFailure(ctx, e, target.host);
    }
    s.mysqlDisconnected = false;
    return ok;
  },
};

const delimiter: MetaCommand = {
  name: '\\d',
  group: 'General',
  syntax: '\\d DELIMITER',
  summary: "the mysql client's delimiter: end statements with DELIMITER",
  details: ['Read where a statement starts, as the DELIMITER line is (src/sql/splitter.ts).'],
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx, args) {
    const arg = clientDelimiterArg(`\\d ${args.raw}`);
    if (arg === '') {
      // said, and the script goes on (the client's status stays 0)
      say(ctx, "DELIMITER must be followed by a 'delimiter' character or string");
      return ok;
    }
    ctx.session.delimiter = arg === ';' ? undefined : arg;
    return ok;
  },
};

const charset: MetaCommand = {
  name: '\\C',
  group: 'Connection',
  syntax: '\\C CHARSET',
  summary: "the mysql client's charset: the connection's character set",
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx, args) {
    const s = ctx.session;
    const name = (args.words[0] ?? '').replace(/^(['"`])(.*)\1$/, '$2');
    if (name === '') return say(ctx, 'Usage: \\C charset_name | charset charset_name');
    if (!/^\w+$/.test(name)) {
      s.io.error(`mariadb: Character set '${name}' is not a compiled character set and is not specified in the '/usr/share/mysql/charsets/Index.xml' file`);
      return ok;
    }
    try {
      for await (const _ of s.connection.execute(`SET NAMES ${name}`, ctx.opts.signal ? { signal: ctx.opts.signal } : {})) void _;
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      // the client looks the name up itself, before it asks the server
      s.io.error(`mariadb: Character set '${name}' is not a compiled character set and is not specified in the '/usr/share/mysql/charsets/Index.xml' file`);
    }
    return ok;
  },
};

const quiet = (name: string, syntax: string, summary: string, run?: (ctx: MetaContext) => Promise<void> | void): MetaCommand => ({
  name,
  group: 'General',
  syntax,
  summary,
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx) {
    await run?.(ctx);
    return ok;
  },
});

const tee = quiet('\\T', '\\T FILE', "the mysql client's tee (batch mode keeps no tee file)");
const notee = quiet('\\t', '\\t', "the mysql client's notee", async (ctx) => void (await ctx.session.io.stdout.write('Outfile disabled.\n')));
const nopager = quiet('\\n', '\\n', "the mysql client's nopager", async (ctx) => void (await ctx.session.io.stdout.write('PAGER set to stdout\n')));
const warnings = quiet('\\W', '\\W', "the mysql client's warnings: show the warnings after each statement", (ctx) => void (ctx.session.mysqlShowWarnings = true));
const nowarnings = quiet('\\w', '\\w', "the mysql client's nowarnings", (ctx) => void (ctx.session.mysqlShowWarnings = false));
const status: MetaCommand = {
  name: '\\s',
  group: 'Connection',
  syntax: '\\s',
  summary: "the mysql client's status: the connection, server, character sets and uptime",
  args: { min: 0, max: Infinity, kinds: ['text'] }, // (the rest of the line is left alone, as the client leaves it)
  async run(ctx) {
    const { mysqlStatusText } = await import('./mysql-status.js');
    await ctx.session.io.stdout.write(await mysqlStatusText(ctx));
    return ok;
  },
};

const prompt: MetaCommand = {
  name: '\\R',
  group: 'General',
  syntax: '\\R [TEXT]',
  summary: "the mysql client's prompt (a script shows none: only what the client says)",
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx, args) {
    const text = args.raw.trim();
    await ctx.session.io.stdout.write(text === '' ? 'Returning to default PROMPT of \\N [\\d]> \n' : `PROMPT set to '${text}'\n`);
    return ok;
  },
};

const system: MetaCommand = {
  name: '\\!',
  outside: true,
  group: 'General',
  syntax: '\\! COMMAND',
  summary: "the mysql client's system: the rest of the line run by /bin/sh (nothing: the client's usage error)",
  args: { min: 0, max: Infinity, kinds: ['text'] },
  argsAsWritten: true,
  async run(ctx, args) {
    const line = args.raw.trim();
    if (line === '') {
      // (said, and no error: the client goes on, its status untouched)
      say(ctx, 'Usage: \\! shell-command');
      return ok;
    }
    const { spawnSync } = await import('node:child_process');
    const { withTerminalForChild } = await import('../../editor/quiet-terminal.js');
    withTerminalForChild(() => spawnSync(line, { shell: '/bin/sh', stdio: 'inherit' }));
    return ok;
  },
};

const rehash = quiet('\\#', '\\#', "the mysql client's rehash (nothing to do in a script)");

/** The client's meanings of \\c \\p \\r \\d \\C \\T \\t \\n \\W \\w \\# \\s \\R, read first on the client's command line. */
export const MYSQL_CLIENT_COMMANDS: readonly MetaCommand[] = [clear, print, connect, delimiter, charset, tee, notee, nopager, warnings, nowarnings, rehash, status, prompt, system];
