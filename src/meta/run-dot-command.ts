/**
 * Runs one sqlite3 dot-command line (`.print "a\tb"`, `.read "my file.sql"`) as the sqlite3 shell 3.40
 * does: its words are read with sqlite3's rules (sqlite3-words.ts), never with psql's argument reader
 * (no backquoted shell commands, no variables, no backslash commands), and each command gets its words
 * as they are. The output commands change the sqlite3 output state (dot-commands.ts); the others call
 * the same functions as their backslash twins (\schema, \dump, \tables, \i ...). Usage errors and
 * warnings are sqlite3's words.
 */
import type { Session } from '../shell/session.js';
import type { MetaContext, MetaOutcome, MetaRunOptions, StatementRunner } from './meta-command.js';
import type { MetaRunResult } from './run-meta.js';
import { sqlite3Words } from './sqlite3-words.js';
import { sqlite3Boolean, sqlite3OutputCommand, sqlite3Show } from './dot-commands.js';
import { DOT_COMMANDS, dotCommandName } from '../sql/dot-command-names.js';
import { SQLITE3_DEFAULT } from '../output/sqlite3-sink.js';
import { withVariable } from '../sql/variables.js';
import { SANDBOX_REFUSAL } from './sandbox.js';

/** A usage error; `stdout`: written there, as sqlite3 writes .output's and .once's (with its help). */
type Step = MetaOutcome | { readonly type: 'usage'; readonly message: string; readonly stdout?: boolean };

export async function runDotCommand(session: Session, line: string, opts: MetaRunOptions, runner: StatementRunner): Promise<MetaRunResult> {
  const read = sqlite3Words(line);
  // an abbreviation (`.head on`) names its command, as in sqlite3
  const words = read.length > 0 ? [dotCommandName(read[0]!), ...read.slice(1)] : read;
  const name = (words[0] ?? '').toLowerCase();
  // sqlite3's .once holds for the next command, a dot-command too (`.once f` then `.print x`: x goes to f)
  const once = session.outputOnce && name !== 'once' && name !== 'output';
  try {
    return await runWords(session, words, opts, runner);
  } finally {
    if (once && session.outputOnce) {
      session.outputOnce = false;
      await session.closeOutput();
    }
  }
}

async function runWords(session: Session, words: readonly string[], opts: MetaRunOptions, runner: StatementRunner): Promise<MetaRunResult> {
  // a script's errors as sqlite3 writes them: no FILE:LINE: before them
  const where = opts.source && session.interactive ? `${opts.source}:${opts.line}: ` : '';
  const name = (words[0] ?? '').toLowerCase();
  const args = words.slice(1);
  // sqlite3's output commands set the sqlite3 shell's output state
  const step = sqlite3OutputCommand(session.sqlite3Output, words);
  if (step) {
    if (name === 'width') session.sqlite3WidthCount = 0; // .width starts the list again
    if ('error' in step) {
      if (step.state) session.sqlite3Output = step.state;
      session.io.error(`${where}${step.error}`);
      return { type: 'error' };
    }
    if (step.warning) session.io.error(`${where}${step.warning}`);
    if (step.print && session.sqlite3Output === undefined && session.interactive) {
      // (the shell's screen before any .mode shows sqlsh's own format)
      await session.out.write("current output mode: sqlsh's own (\\T); .mode list for sqlite3's\n");
      return { type: 'ok' };
    }
    if (step.print) await session.out.write(step.print);
    // (at the prompt, .explain auto or off keeps sqlsh's own output: only explain mode is sqlite3's)
    if (name === 'explain' && session.interactive && session.sqlite3Output === undefined && step.state?.mode !== 'explain') return { type: 'ok' };
    session.sqlite3Output = step.state;
    return { type: 'ok' };
  }
  // any other dot-command makes this a sqlite3 script too: its results as sqlite3 writes them (list mode, no header)
  // (on the shell's screen only the output commands change the output)
  if (!session.interactive) session.sqlite3Output ??= SQLITE3_DEFAULT;
  const ctx: MetaContext = { session, runner, opts, invokedAs: `.${name}`, plus: false, system: false };
  if (session.sandbox && OUTSIDE.has(name)) {
    // refused as \! is (sandbox.ts)
    session.io.error(`${where}.${name}: ${SANDBOX_REFUSAL} (\\- turned it on: no files, shell or environment)`);
    return { type: 'error' };
  }
  let r: Step;
  try {
    r = await run(ctx, name, args);
  } catch (e) {
    if (e instanceof Error && ('code' in e || e.name.endsWith('Error'))) r = { type: 'error', message: e.message };
    else throw e;
  }
  switch (r.type) {
    case 'quit':
      return { type: 'quit' };
    case 'error':
      if (r.message) session.io.error(`${where}${r.message}`);
      return { type: 'error' };
    case 'usage':
      if ('stdout' in r && r.stdout) await session.io.stdout.write(`${r.message}\n`);
      else session.io.error(`${where}${r.message}`);
      return { type: 'error' };
    case 'message':
      return { type: 'ok' }; // (a dot-command says nothing)
    default:
      return { type: 'ok' };
  }
}

/** The dot-commands that reach a shell or the file system outside the session: refused in sandbox mode (sandbox.ts). */
const OUTSIDE: ReadonlySet<string> = new Set(['cd', 'shell', 'system', 'open', 'backup', 'save', 'restore', 'load']);

const OK: MetaOutcome = Object.freeze({ type: 'ok' });
const usage = (message: string): Step => ({ type: 'usage', message });
const fail = (message: string): MetaOutcome => ({ type: 'error', message });

/** A boolean setting's one word, with sqlite3's warning for a word that is not one. */
function booleanArg(ctx: MetaContext, name: string, args: readonly string[]): boolean | Step {
  if (args.length !== 1) return usage(`Usage: .${name} on|off`);
  const b = sqlite3Boolean(args[0]!);
  if (b.warning) ctx.session.io.error(`${ctx.opts.source && ctx.session.interactive ? `${ctx.opts.source}:${ctx.opts.line}: ` : ''}${b.warning}`);
  return b.value;
}

async function run(ctx: MetaContext, name: string, args: readonly string[]): Promise<Step> {
  const s = ctx.session;
  switch (name) {
    case 'print':
      // sqlite3: the words joined by one space, where results go
      await s.out.write(`${args.join(' ')}\n`);
      return OK;
    case 'read': {
      if (args.length !== 1) return usage('Usage: .read FILE');
      const { include } = await import('./commands/running-commands.js');
      // sqlite3's words for a file it cannot open (its other errors are the file's own)
      if (!s.interactive && !(await readable(args[0]!))) return fail(`Error: cannot open "${args[0]}"`);
      return include(ctx, args[0]!);
    }
    case 'output':
    case 'once':
      return redirect(ctx, name, args);
    case 'tables':
    case 'indexes':
    case 'indices': {
      if (s.dialect.id !== 'sqlite') return fail(`.${name} reads a SQLite database`);
      // (sqlite3 ignores more words after .tables' pattern)
      if (name !== 'tables' && args.length > 1) return usage('Usage: .indexes ?LIKE-PATTERN?');
      const { writeNames } = await import('./commands/sqlite-commands.js');
      return writeNames(ctx, name === 'tables' ? 'tables' : 'indexes', args[0]);
    }
    case 'schema': {
      if (args.filter((a) => !a.startsWith('-')).length > 1) return usage('Usage: .schema ?--indent? ?--nosys? ?LIKE-PATTERN?');
      const { writeSchema } = await import('./commands/sqlite-commands.js');
      return writeSchema(ctx, args);
    }
    case 'fullschema': {
      if (args.length > 1 || (args[0] !== undefined && args[0] !== '--indent' && args[0] !== '-indent')) return usage('Usage: .fullschema ?--indent?');
      if (args.length === 1) return fail('.fullschema --indent: sqlsh does not lay out the schema (.fullschema alone writes it as stored)');
      if (s.dialect.id !== 'sqlite') return fail('.fullschema reads a SQLite database');
      const { writeFullSchema } = await import('./commands/sqlite-commands.js');
      return writeFullSchema(ctx);
    }
    case 'load': {
      if (args.length === 0) return usage('Usage: .load FILE ?ENTRYPOINT?');
      const conn = s.connection;
      if (!conn.loadExtension) return fail('.load loads an SQLite extension: this session is not on SQLite');
      const r = await conn.loadExtension(args[0]!, args[1]);
      return r.error !== undefined ? fail(`Error: ${r.error}`) : OK;
    }
    case 'binary':
      // (on and off: the same on this system, where no line end is translated)
      return args.length === 1 ? OK : usage('Usage: .binary on|off');
    case 'log':
      if (args.length !== 1) return usage('Usage: .log FILENAME');
      return args[0] === 'off' ? OK : fail(`.log ${args[0]}: sqlsh does not write SQLite's error log`);
    case 'scanstats':
      if (args.length !== 1) return usage('Usage: .scanstats on|off');
      s.io.error('Warning: .scanstats not available in this build.');
      return OK;
    case 'dump': {
      const { dumpOptions, writeDump } = await import('./commands/sqlite-commands.js');
      const o = dumpOptions(args);
      return 'error' in o ? fail(o.error) : writeDump(ctx, o.patterns, o.options);
    }
    case 'databases': {
      const { databasesCommand } = await import('./commands/sqlite-commands.js');
      return databasesCommand.run(ctx, { raw: '', words: [], tokens: [] });
    }
    case 'import': {
      const { sqlite3Import } = await import('./sqlite3-import.js');
      // sqlite3 3.40: importing in csv mode makes csv's output row separator '\r\n' the input one, '\n', for good
      const o = s.sqlite3Output;
      if (o?.mode === 'csv' && o.rowSeparator === '\r\n') s.sqlite3Output = { ...o, rowSeparator: '\n' };
      return sqlite3Import(ctx, args);
    }
    case 'echo': {
      const v = booleanArg(ctx, name, args);
      if (typeof v !== 'boolean') return v;
      s.variables = withVariable(s.variables, 'ECHO', v ? 'all' : 'none');
      return OK;
    }
    case 'timer': {
      const v = booleanArg(ctx, name, args);
      if (typeof v !== 'boolean') return v;
      s.set('timing', v);
      return OK;
    }
    case 'bail': {
      const v = booleanArg(ctx, name, args);
      if (typeof v !== 'boolean') return v;
      s.variables = withVariable(s.variables, 'ON_ERROR_STOP', v ? 'on' : 'off');
      return OK;
    }
    case 'show': {
      if (args.length > 0) return usage('Usage: .show');
      // where results go (a .once file too)
      const echo = (s.variables.get('ECHO') ?? 'none').toLowerCase() === 'all';
      await s.out.write(sqlite3Show(s.sqlite3Output, { echo, eqp: s.sqlite3Eqp || 'off', stats: s.sqlite3Stats, output: s.output?.description ?? 'stdout', filename: s.connection.info.file ?? '', widthCount: s.sqlite3WidthCount }));
      return OK;
    }
    case 'exit':
    case 'quit': {
      // sqlite3's .exit N leaves with status N (.quit takes none); an open transaction asks first at the prompt
      if (!(await s.confirmLeavingTransaction())) return OK;
      const status = name === 'exit' && args[0] !== undefined ? sqlite3Integer(args[0]) & 0xff : 0;
      if (status !== 0) s.exitStatus = status; // (.exit 0 leaves as the script went: 1 after an error)
      return { type: 'quit' };
    }
    case 'timeout':
      // sqlite3's busy timeout; no number (or none at all) is 0
      await sql(ctx, `PRAGMA busy_timeout = ${Math.max(0, sqlite3Integer(args[0] ?? '0'))}`);
      return OK;
    case 'prompt':
      return OK; // (the prompts: nothing in a script; sqlsh's prompt is its own)
    case 'eqp': {
      // on, off, full (the plan, then the bytecode as EXPLAIN lists it) and trigger (drawn as on), as sqlite3 reads
      // them; trace (for a debugging build of SQLite) is not a boolean to sqlite3 either
      if (args.length !== 1) return usage('Usage: .eqp off|on|trace|trigger|full');
      const w = args[0]!.toLowerCase();
      if (w === 'full' || w === 'trigger') s.sqlite3Eqp = w;
      else {
        const v = booleanArg(ctx, name, args);
        if (typeof v !== 'boolean') return v;
        s.sqlite3Eqp = v ? 'on' : false;
      }
      return OK;
    }
    case 'trace':
      return trace(ctx, args);
    case 'stats': {
      // sqlite3's counters (memory, page cache, each statement's steps) come from SQLite calls the driver does
      // not make: the setting is kept for .show, and said once not to be shown
      if (args.length > 1) return usage('Usage: .stats ?on|off|stmt|vmstep?');
      const w = (args[0] ?? '').toLowerCase();
      if (w === 'stmt' || w === 'vmstep') s.sqlite3Stats = w;
      else if (args.length === 1) {
        const v = booleanArg(ctx, name, args);
        if (typeof v !== 'boolean') return v;
        s.sqlite3Stats = v ? 'on' : 'off';
      }
      if ((args.length === 0 || s.sqlite3Stats !== 'off') && !statsSaid.has(s)) {
        statsSaid.add(s);
        s.io.error("sqlsh: .stats: SQLite's counters (memory, page cache, each statement's steps) are not shown: the SQLite driver does not report them");
      }
      return OK;
    }
    case 'parameter': {
      const { sqlite3Parameter } = await import('./sqlite3-parameter.js');
      return sqlite3Parameter(ctx, args, (text) => sql(ctx, text));
    }
    case 'cd':
      if (args.length !== 1) return usage('Usage: .cd DIRECTORY');
      try {
        process.chdir(args[0]!);
      } catch {
        return fail(`Cannot change to directory "${args[0]}"`);
      }
      return OK;
    case 'shell':
    case 'system':
      return shell(ctx, args);
    case 'open':
      return open(ctx, args);
    case 'backup':
    case 'save':
      return backup(ctx, args);
    case 'restore':
      return restore(ctx, args);
    case 'help': {
      const { metaRegistry } = await import('./meta-registry.js');
      await ctx.runner.page(metaRegistry().helpList());
      return OK;
    }
    default:
      if (!s.interactive) return fail(`Error: unknown command or invalid arguments:  "${name}". Enter ".help" for help`);
      return fail(`unknown dot-command .${name} (sqlsh knows ${DOT_COMMANDS.map(([n]) => n).filter((n) => n !== '.exit').join(', ')})`);
  }
}

/** The sessions told that .stats shows nothing. */
const statsSaid = new WeakSet<object>();

/** `.trace [OPTIONS] [FILE]`: each statement's SQL as it runs (sqlite3-trace.ts); off: no more; no FILE: where it went. */
async function trace(ctx: MetaContext, args: readonly string[]): Promise<Step> {
  const s = ctx.session;
  const { openTrace, traced, traceWords, untraced } = await import('./sqlite3-trace.js');
  const words = traceWords(args);
  if ('error' in words) return fail(words.error);
  const old = s.sqlite3Trace;
  if (words.file === undefined) {
    // (sqlite3: the same place, with what the options say)
    if (old) s.sqlite3Trace = { ...old, ...words.what };
    s.connection = s.sqlite3Trace ? traced(s.connection, () => s.sqlite3Trace) : untraced(s.connection);
    return OK;
  }
  s.sqlite3Trace = undefined;
  await old?.close();
  const on = words.file.toLowerCase() !== 'off' && (words.what.stmt || words.what.profile || words.what.close_);
  if (on) {
    try {
      s.sqlite3Trace = await openTrace(words.file!, words.what, s.io.stdout, (t) => s.io.error(t.replace(/\n$/, '')));
    } catch {
      // said, and not an error, as sqlite3 3.40 has it
      s.io.error(`Error: cannot open "${words.file}"`);
    }
  }
  s.connection = s.sqlite3Trace ? traced(s.connection, () => s.sqlite3Trace) : untraced(s.connection);
  return OK;
}

/** sqlite3's number in an argument: decimal or 0x hex, read up to the first other character (`2abc` is 2, `x` 0). */
function sqlite3Integer(word: string): number {
  const hex = /^(-?)0x([0-9a-f]+)/i.exec(word);
  if (hex) return (hex[1] ? -1 : 1) * Number.parseInt(hex[2]!, 16);
  return Number.parseInt(word, 10) || 0;
}

/**
 * `.output [FILE]` and `.once [FILE]`: results (and `.print`) to FILE, to a command's input (`|cmd`), or back
 * to standard output (no FILE, or `stdout`). `--bom` writes a UTF-8 byte-order mark first.
 */
async function redirect(ctx: MetaContext, name: 'output' | 'once', args: readonly string[]): Promise<Step> {
  const s = ctx.session;
  let target: string | undefined;
  let bom = false;
  const usageText = name === 'output' ? 'Usage: .output ?--bom? ?FILE?' : 'Usage: .once ?--bom? ?FILE?';
  for (const a of args) {
    if (target === undefined && a.startsWith('-')) {
      if (a === '--bom' || a === '-bom') bom = true;
      else if (a === '-e' || a === '-x') return fail(`.${name} ${a}: sqlsh does not open an editor or a spreadsheet`);
      else return { type: 'usage', message: `ERROR: unknown option: "${a}".  ${usageText}`, stdout: true };
    } else if (target === undefined) target = a;
    else return { type: 'usage', message: `ERROR: extra parameter: "${a}".  ${usageText}`, stdout: true };
  }
  await s.closeOutput();
  s.outputOnce = false;
  if (target === undefined || target === 'stdout') return OK;
  const { openOutput } = await import('./open-output.js');
  const spec = target.startsWith('|') ? { command: target.slice(1) } : { file: target };
  try {
    s.output = await openOutput(spec, ctx.opts.source);
  } catch (e) {
    const { fileErrorReason } = await import('./file-error.js');
    return fail(`Error: cannot open "${target}": ${fileErrorReason(e)}`);
  }
  if (bom) await s.output.write('\uFEFF');
  // sqlite3's .once: only the next statement's output goes there
  s.outputOnce = name === 'once';
  return OK;
}

/** One statement run for its effect (or its rows), as the sqlite3 shell runs its own. */
async function sql(ctx: MetaContext, text: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const ev of ctx.session.connection.execute(text, { sqlite3Values: true, ...(ctx.opts.signal ? { signal: ctx.opts.signal } : {}) })) {
    if (ev.type === 'rows') for (const r of ev.rows) out.push([...(r as readonly unknown[])]);
  }
  return out;
}

const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * `.shell CMD ...` / `.system CMD ...`: the words joined by spaces (a word holding a space in double quotes,
 * as sqlite3 puts them back) run by /bin/sh (as `sh -c`, system()'s way), its output straight to standard output (not into .output);
 * a status other than 0 is said as sqlite3 says it, the raw wait status (`exit 3`: 768), and is no error.
 */
async function shell(ctx: MetaContext, args: readonly string[]): Promise<Step> {
  if (args.length === 0) return usage('Usage: .system COMMAND');
  const line = args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ');
  const { spawnSync } = await import('node:child_process');
  const { withTerminalForChild } = await import('../editor/quiet-terminal.js');
  const r = withTerminalForChild(() => spawnSync('/bin/sh', ['-c', line], { argv0: 'sh', stdio: 'inherit' }));
  if (r.error) return fail(`Error: ${r.error.message}`);
  const status = r.signal ? (await import('node:os')).constants.signals[r.signal] : (r.status ?? 0) << 8;
  if (status !== 0) ctx.session.io.error(`System command returns ${status}`);
  return OK;
}

/**
 * `.open [--new] [--readonly] [FILE]`: the next statements run on FILE (created when missing; `--new`
 * empties it first; no FILE: a new in-memory database), as sqlite3 3.40 does. A file that cannot be
 * opened is said in sqlite3's words and leaves an in-memory database, with no error, as sqlite3 does.
 */
async function open(ctx: MetaContext, args: readonly string[]): Promise<Step> {
  const s = ctx.session;
  if (s.dialect.id !== 'sqlite') return fail('.open opens a SQLite database: this session is not on SQLite');
  let file: string | undefined;
  let readOnly = false;
  let fresh = false;
  for (const a of args) {
    if (a.startsWith('-') && file === undefined) {
      const o = a.replace(/^--?/, '');
      if (o === 'new') fresh = true;
      else if (o === 'readonly') readOnly = true;
      else if (['append', 'zip', 'deserialize', 'hexdb', 'maxsize', 'nofollow'].includes(o)) return fail(`.open --${o}: not done by sqlsh (--new and --readonly are)`);
      else return fail(`unknown option: ${a}`);
    } else if (file === undefined) file = a;
    else return fail(`extra argument: "${a}"`);
  }
  const path = file === undefined || file === '' ? ':memory:' : file;
  try {
    if (fresh && path !== ':memory:') {
      const { rm } = await import('node:fs/promises');
      await rm(path, { force: true });
    }
    await s.reconnect({ engine: 'sqlite', path, readOnly });
  } catch {
    s.io.error(`Error: unable to open database "${path}": unable to open database file`);
    await s.reconnect({ engine: 'sqlite', path: ':memory:' });
  }
  return OK;
}

/**
 * `.backup [--async] [DB] FILE` (`.save FILE`): a copy of the database (main, or the attached DB) in FILE,
 * replacing it, made page by page with SQLite's backup API as sqlite3 makes it (inside an open transaction
 * too; Connection.backup). Without sqlsh's native SQLite helper: VACUUM INTO a new file next to FILE, then
 * renamed over it (not inside a transaction).
 */
async function backup(ctx: MetaContext, args: readonly string[]): Promise<Step> {
  const names: string[] = [];
  let fast = false;
  for (const a of args) {
    if (a.startsWith('-')) {
      const o = a.replace(/^--?/, '');
      if (o === 'async') fast = true;
      else if (o === 'append') return fail(".backup --append: not done by sqlsh (the append VFS is the sqlite3 shell's own)");
      else return fail(`unknown option: ${a}`);
    } else names.push(a);
  }
  if (names.length === 0) return fail(`missing FILENAME argument on .backup`);
  if (names.length > 2) return usage('Usage: .backup ?DB? ?OPTIONS? FILENAME');
  const [db, file] = names.length === 2 ? [names[0]!, names[1]!] : ['main', names[0]!];
  const conn = ctx.session.connection;
  const r = conn.backup ? await conn.backup({ schema: db, file, fast }) : { unsupported: true };
  if (!r.unsupported) return r.error === undefined ? OK : fail(r.error === 'cannot open' ? `Error: cannot open "${file}"` : `Error: ${r.error}`);
  return vacuumInto(ctx, db, file);
}

/**
 * `.restore [DB] FILE`: the database (main, or the attached DB) replaced by FILE's, page by page with SQLite's
 * backup API, as sqlite3 does (a FILE that is not there is made: an empty database then). Needs sqlsh's native
 * SQLite helper.
 */
async function restore(ctx: MetaContext, args: readonly string[]): Promise<Step> {
  if (args.length === 0 || args.length > 2) return usage('Usage: .restore ?DB? FILE');
  const [db, file] = args.length === 2 ? [args[0]!, args[1]!] : ['main', args[0]!];
  const conn = ctx.session.connection;
  const r = conn.backup ? await conn.backup({ schema: db, file, restore: true }) : { unsupported: true };
  if (r.unsupported) {
    return fail(ctx.session.dialect.id === 'sqlite'
      ? ".restore needs sqlsh's native SQLite helper, which was not built (npm run install builds it)"
      : '.restore replaces a SQLite database: this session is not on SQLite');
  }
  if (r.error !== undefined) return fail(r.error === 'cannot open' ? `Error: cannot open "${file}"` : `Error: ${r.error}`);
  if (ctx.session.interactive) void ctx.session.refreshCatalog();
  return OK;
}

/** .backup without the native helper: VACUUM INTO a new file next to FILE, then renamed over it. */
async function vacuumInto(ctx: MetaContext, db: string, file: string): Promise<Step> {
  const { dirname, basename, join } = await import('node:path');
  const { rename, rm, appendFile } = await import('node:fs/promises');
  // as sqlite3: the file is opened (made) first, then the database looked for
  try {
    await appendFile(file, '');
  } catch {
    return fail(`Error: cannot open "${file}"`);
  }
  const schemas = (await sql(ctx, 'PRAGMA database_list')).map((r) => String(r[1]));
  if (!schemas.some((n) => n.toLowerCase() === db.toLowerCase())) return fail(`Error: unknown database ${db}`);
  const tmp = join(dirname(file), `.${basename(file)}.sqlsh-${process.pid}-${Date.now()}`);
  try {
    await sql(ctx, `VACUUM "${db.replace(/"/g, '""')}" INTO ${sqlText(tmp)}`);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  return OK;
}

async function readable(path: string): Promise<boolean> {
  const { access, stat } = await import('node:fs/promises');
  try {
    await access(path);
    return !(await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
