/** \i, \ir, \e, \watch, \g, \gx, \copy: running files, edits, repeats and client-side copies. */
import type { MetaCommand, MetaContext, MetaOutcome } from '../meta-command.js';
import { NO_ARGS, fail, ok, psqlFail, runnerOptions, statementOptions, usage } from '../meta-command.js';
import { fileErrorReason } from '../file-error.js';
import { parseMetaArgs } from '../meta-args.js';
import { withArguments } from '../sandbox.js';

/** Nesting limit for \i (a file including itself). */
const MAX_INCLUDE_DEPTH = 16;

function includeDepth(ctx: MetaContext): number {
  return ctx.opts.includeDepth ?? 0;
}

/** The directory relative paths are read from: the current file's, else the working directory. */
export function baseDir(source: string | undefined, dirname: (p: string) => string): string {
  if (!source || source.startsWith('<') || source.startsWith('-c')) return process.cwd();
  return dirname(source);
}

export async function include(ctx: MetaContext, file: string): Promise<MetaOutcome> {
  const { openScript } = await import('../../core/open-script.js');
  const { dirname, resolve, relative, isAbsolute } = await import('node:path');
  const path = resolve(baseDir(ctx.opts.source, dirname), file);
  if (includeDepth(ctx) >= MAX_INCLUDE_DEPTH) return fail(`files nested more than ${MAX_INCLUDE_DEPTH} deep (does ${JSON.stringify(file)} include itself?)`);
  let input: Awaited<ReturnType<typeof openScript>>;
  try {
    // read as it runs, a piece at a time (a file of any size)
    input = await openScript(path);
  } catch (e) {
    return fail(`cannot read ${JSON.stringify(file)}: ${fileErrorReason(e)}`);
  }
  const label = isAbsolute(file) ? path : relative(process.cwd(), path) || path;
  let r: Awaited<ReturnType<typeof ctx.runner.runScriptInput>>;
  try {
    r = await ctx.runner.runScriptInput(input, {
      ...runnerOptions(ctx.opts),
      source: label.startsWith('..') || isAbsolute(label) ? path : label,
      includeDepth: includeDepth(ctx) + 1,
    });
  } catch (e) {
    // (a directory opens, then fails to read)
    if (!(e instanceof Error && 'syscall' in e)) throw e;
    return fail(`cannot read ${JSON.stringify(file)}: ${fileErrorReason(e)}`);
  } finally {
    input.destroy();
  }
  if (r.quit) return { type: 'quit' };
  return r.ok ? ok : { type: 'error' };
}

const includeFile: MetaCommand = {
  name: '\\i',
  outside: true,
  aliases: ['\\include', '\\ir'],
  group: 'Running',
  syntax: '\\i FILE',
  summary: 'run the statements in FILE',
  args: { min: 1, max: 1, kinds: ['file'] },
  run: (ctx, args) => include(ctx, args.words[0]!),
};

const edit: MetaCommand = {
  name: '\\e',
  outside: withArguments,
  aliases: ['\\edit'],
  group: 'Running',
  syntax: '\\e [FILE]',
  summary: 'edit the last statement (or FILE) in $EDITOR',
  details: ['Interactively the edited text is put in the input line to review and run; in scripts it runs.'],
  args: { min: 0, max: 1, kinds: ['file'] },
  async run(ctx, args) {
    return editThenUse(ctx, args.words[0], ctx.session.lastSql ?? '');
  },
};

/** psql's templates for \\ef and \\ev without a name: a CREATE to fill in. */
const NEW_SOURCE: Readonly<Record<'function' | 'view', string>> = {
  function: 'CREATE FUNCTION ( )\n RETURNS \n LANGUAGE \n -- common options:  IMMUTABLE  STABLE  STRICT  SECURITY DEFINER\nAS $function$\n\n$function$\n',
  view: 'CREATE VIEW  AS\n SELECT \n  -- something...\n',
};

/** \\ef and \\ev: a function's or a view's CREATE OR REPLACE text (or psql's template) in $EDITOR, then used as \\e uses it. */
function editSource(name: '\\ef' | '\\ev', kind: 'function' | 'view'): MetaCommand {
  return {
    name,
    group: 'Running',
    syntax: `${name} [${kind === 'function' ? 'FUNCNAME[(ARGTYPES)]' : 'VIEWNAME'} [LINE]]`,
    summary: `edit a ${kind} in $EDITOR (alone: a new one)`,
    details: ['As psql: the editor opens at LINE when given; the edited text is used as \\e uses it.'],
    args: { min: 0, max: 2, kinds: [kind === 'view' ? 'relation' : 'text', 'text'] },
    async run(ctx, args) {
      let initial = NEW_SOURCE[kind];
      const [target, lineWord] = args.words;
      if (target !== undefined) {
        const { storedDefinition } = await import('./describe-commands.js');
        const source = await storedDefinition(ctx, kind, target);
        if (typeof source !== 'string') return source;
        initial = source;
      }
      const line = lineWord === undefined ? undefined : Number(lineWord);
      if (line !== undefined && !(Number.isInteger(line) && line > 0)) return psqlFail(`invalid line number: ${lineWord}`);
      return editThenUse(ctx, undefined, initial, line);
    },
  };
}

/** $EDITOR on FILE, or on `initial` in a temporary file; the text it leaves goes to the input line (at the prompt) or runs (in a script). */
async function editThenUse(ctx: MetaContext, file: string | undefined, initial: string, line?: number): Promise<MetaOutcome> {
  {
    const { editText } = await import('../edit-text.js');
    const s = ctx.session;
    const r = await editText(file, initial, process.env, line);
    if (!r.ok) return fail(r.error);
    const text = r.text.replace(/\s+$/, '');
    if (text === '') return ok;
    if (s.interactive) {
      s.pendingEdit = text;
      return ok;
    }
    const res = await ctx.runner.runScript(text, runnerOptions(ctx.opts));
    return res.quit ? { type: 'quit' } : res.ok ? ok : { type: 'error' };
  }
}

/**
 * psql's `\\g (a=b c=d) target`: the printing options of one run, and where its result goes. The options
 * are words as psql reads them (quotes as in any argument), the first after `(`, up to the word that ends
 * with `)`; a word `name` alone toggles or shows, as \\pset NAME.
 */
function parseGoArgs(raw: string, command: string): { options: [string, string | undefined][]; target?: { file: string } | { command: string } } | { error: string } {
  let rest = raw.trim();
  const options: [string, string | undefined][] = [];
  if (rest.startsWith('(')) {
    const { words, tokens } = parseMetaArgs(rest.slice(1));
    let at = 1; // where the text after the options starts
    let closed = false;
    for (let i = 0; i < words.length && !closed; i++) {
      at = rest.indexOf(tokens[i]!, at) + tokens[i]!.length;
      let w = words[i]!;
      if (w.endsWith(')')) {
        w = w.slice(0, -1);
        closed = true;
      }
      if (w === '') continue;
      const eq = w.indexOf('=');
      options.push(eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)]);
    }
    if (!closed) return { error: `${command}: missing right parenthesis` };
    rest = rest.slice(at).trim();
  }
  if (rest === '') return { options };
  if (rest.startsWith('|')) return rest.slice(1).trim() ? { options, target: { command: rest.slice(1).trim() } } : { error: 'give a command after |' };
  return { options, target: { file: parseMetaArgs(rest).words.join(' ') } };
}

async function rerun(ctx: MetaContext, expanded: boolean, raw = ''): Promise<MetaOutcome> {
  const s = ctx.session;
  const parsed = parseGoArgs(raw, expanded ? '\\gx' : '\\g');
  // (psql's words; what was to run stays in the query buffer, as in psql)
  if ('error' in parsed) return parsed.error.startsWith('\\') ? psqlFail(parsed.error) : usage(parsed.error);
  // this run's \pset options (psql's title among them), on a copy of the settings put back afterwards
  const before = s.settings;
  const titleBefore = s.title;
  let next = before;
  let title = titleBefore;
  if (parsed.options.length > 0) {
    const { applyPset } = await import('../pset.js');
    for (const [name, value] of parsed.options) {
      if (name === 'title') {
        title = value;
        continue;
      }
      const r = applyPset(next, name, value);
      if ('error' in r) return psqlFail(r.error);
      next = r.settings;
    }
  }
  // psql: \g sends the query buffer (SQL left before it on earlier lines), else the last query again
  const sql = s.queryBuffer ?? s.lastSql;
  s.queryBuffer = undefined;
  if (!sql) return fail('no previous statement to run');
  s.settings = next;
  s.title = title;
  const oldOutput = s.output;
  let redirected: Awaited<ReturnType<typeof import('../open-output.js').openOutput>> | undefined;
  try {
    if (parsed.target) {
      const { openOutput } = await import('../open-output.js');
      try {
        redirected = await openOutput(parsed.target, ctx.opts.source);
      } catch (e) {
        return fail(`cannot write to ${JSON.stringify('file' in parsed.target ? parsed.target.file : `|${parsed.target.command}`)}: ${fileErrorReason(e)}`);
      }
      s.queryOutput = s.out;
      s.output = redirected;
    }
    const r = await ctx.runner.runStatement(sql, { ...statementOptions(ctx.opts), ...(expanded ? { terminator: '\\gx' } : {}) });
    return r === true ? ok : { type: 'error' };
  } finally {
    if (redirected) {
      s.output = oldOutput;
      s.queryOutput = undefined;
      await redirected.close();
    }
    if (s.settings !== before) s.settings = before;
    s.title = titleBefore;
  }
}

const G_DETAILS = [
  'After a statement it runs that statement: `select ... \\g out.txt`. Alone, the statement before it again.',
  '(NAME=VALUE ...) sets \\pset options for this run only: \\g (format=csv tuples_only=on) out.csv.',
  'FILE writes the result there (truncated); |COMMAND pipes it to a shell command; \\o is left as it was.',
];

const go: MetaCommand = {
  name: '\\g',
  outside: (args) => args.raw.trim().replace(/^\([^)]*\)\s*/, '') !== '',
  aliases: ['\\go'],
  group: 'Running',
  syntax: '\\g [(OPTIONS)] [FILE | |COMMAND]',
  summary: 'run the statement (or the last one again)',
  details: G_DETAILS,
  args: { min: 0, max: Infinity, kinds: ['file'] },
  run: (ctx, args) => rerun(ctx, false, args.raw),
};

const goExpanded: MetaCommand = {
  name: '\\gx',
  outside: (args) => args.raw.trim().replace(/^\([^)]*\)\s*/, '') !== '',
  group: 'Running',
  syntax: '\\gx [(OPTIONS)] [FILE | |COMMAND]',
  summary: 'as \\g, with the result in expanded records',
  details: G_DETAILS,
  args: { min: 0, max: Infinity, kinds: ['file'] },
  run: (ctx, args) => rerun(ctx, true, args.raw),
};

const watch: MetaCommand = {
  name: '\\watch',
  group: 'Running',
  syntax: '\\watch [SECONDS] [c=COUNT]',
  summary: 're-run the last statement every SECONDS (Ctrl-C stops)',
  details: ['On a terminal the screen is cleared before each run; a header shows the statement, the time and the interval, as psql. c=N stops after N runs.'],
  args: { min: 0, max: 2, kinds: ['number', 'text'] },
  async run(ctx, args) {
    let seconds = 2;
    let count = Infinity;
    for (const w of args.words) {
      const c = /^c(?:ount)?=(\d+)$/i.exec(w);
      const i = /^(?:i(?:nterval)?=)?(\d+(?:\.\d*)?|\.\d+)$/i.exec(w);
      if (c) count = Number(c[1]);
      else if (i && Number(i[1]) >= 0) seconds = Number(i[1]);
      else return usage(`expected a number of seconds or c=COUNT, got ${JSON.stringify(w)}`);
    }
    if (!ctx.session.lastSql) return fail('no previous statement to watch; run one first');
    const { watchStatement } = await import('../watch-statement.js');
    return watchStatement(ctx, seconds, count);
  },
};

const copy: MetaCommand = {
  name: '\\copy',
  // psql reads the rest of the line as it is: variables are not put in (`:'x'` reaches the server)
  argsAsWritten: true,
  outside: (args) => !/\b(?:from|to)\s+p?std(?:in|out)\b/i.test(args.raw),
  group: 'Running',
  syntax: "\\copy {TABLE [(COLS)] | (QUERY)} {FROM | TO} {'FILE' | PROGRAM 'CMD' | STDIN | STDOUT | PSTDIN | PSTDOUT} [WITH (OPTIONS)]",
  missingArgs: '\\copy: arguments required',
  summary: 'copy between a table or query and a local file',
  details: [
    "\\copy (SELECT * FROM t) TO 'out.csv' WITH (FORMAT csv, HEADER)",
    "\\copy t FROM 'in.csv' WITH (FORMAT csv, HEADER, DELIMITER ';', NULL 'NA')",
    "On PostgreSQL it is psql's \\copy: COPY ... FROM STDIN or TO STDOUT with the options as written (text format",
    "unless FORMAT says otherwise), the data read or written here, PROGRAM 'CMD' too; the server reads the rows.",
    'Elsewhere: csv (the default when the file ends in .csv) or text (tab-separated, \\N for NULL); FROM inserts',
    'in batches inside one transaction, and a bad row rolls the whole copy back.',
    'Relative file names are read from the working directory; TO STDOUT writes to the output.',
  ],
  args: { min: 1, max: Infinity, kinds: ['sql'] },
  async run(ctx, args) {
    if (ctx.session.dialect.id === 'postgres') {
      // psql's \copy: COPY ... FROM STDIN / TO STDOUT with the options as written, the data through the COPY protocol
      const { copyOnServer } = await import('../copy/copy-server.js');
      return copyOnServer(ctx, args.raw);
    }
    const { parseCopy } = await import('../copy/parse-copy.js');
    const parsed = parseCopy(args.raw);
    if (!parsed.ok) return usage(parsed.error);
    const { resolve } = await import('node:path');
    const file = parsed.spec.file === undefined ? undefined : resolve(process.cwd(), parsed.spec.file);
    const spec = { ...parsed.spec, file };
    if (spec.direction === 'to') {
      const { copyTo } = await import('../copy/copy-to.js');
      return copyTo(ctx, spec);
    }
    const { copyFrom } = await import('../copy/copy-from.js');
    return copyFrom(ctx, spec);
  },
};

export const RUNNING_COMMANDS: readonly MetaCommand[] = Object.freeze([includeFile, edit, editSource('\\ef', 'function'), editSource('\\ev', 'view'), watch, go, goExpanded, copy]);
export { MAX_INCLUDE_DEPTH };
