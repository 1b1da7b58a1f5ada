/**
 * psql's commands for what is around the session: \! (a shell command), \cd, \setenv, \encoding,
 * \prompt (a variable from what the user types) and \errverbose (the last error in full).
 *
 * Their arguments arrive with the variables already put in (run-script.ts does it for every command
 * but the scripting ones), read with psql's quoting (meta-args.ts).
 *
 * \! and \prompt own the terminal while they run (withTerminalForChild, as \e).
 * \! takes its line as written: no variables are put in (psql's whole-line argument).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import type { MetaCommand } from '../meta-command.js';
import { fail, ok, psqlFail } from '../meta-command.js';
import { isVariableName, withVariable } from '../../sql/variables.js';
import { withTerminalForChild } from '../../editor/quiet-terminal.js';
import { fileErrorReason } from '../file-error.js';
import { readLine } from '../read-line.js';
import { restrictCommand, unrestrictCommand } from '../restrict.js';

const shellCommand: MetaCommand = {
  name: '\\!',
  outside: true,
  group: 'General',
  syntax: '\\! [COMMAND]',
  summary: 'run a shell command, or start a shell',
  details: ['The rest of the line goes to /bin/sh as it is (no variables are put in); alone, $SHELL starts.', 'Its output goes to the terminal, not into \\o.'],
  args: { min: 0, max: Infinity, kinds: ['text'] },
  argsAsWritten: true,
  async run(_ctx, args) {
    const line = args.raw.trim();
    const r = withTerminalForChild(() =>
      line === ''
        ? spawnSync(process.env['SHELL'] || '/bin/sh', { stdio: 'inherit' })
        : spawnSync(line, { shell: '/bin/sh', stdio: 'inherit' }),
    );
    // psql's rule: only a command that could not be run at all fails (a non-zero status is the command's own business)
    if (r.error || r.status === 127) return fail(`failed${r.error ? ` (${r.error.message})` : ''}`);
    return ok;
  },
};

/** The mysql client's `\\-`: sandbox mode, for the rest of the session (src/meta/sandbox.ts). */
const sandbox: MetaCommand = {
  name: '\\-',
  group: 'General',
  syntax: '\\-',
  summary: 'sandbox mode: no files, shell or environment from here',
  details: [
    'Refused after it: \\!, \\i and \\. (source), \\o FILE, \\g FILE, \\w, \\copy with a file, \\e FILE, \\cd, \\setenv,',
    '\\getenv, \\pager COMMAND, \\c, \\import, \\lo_import, \\lo_export, `command` in arguments and MySQL\'s',
    'LOAD DATA LOCAL INFILE. Nothing turns it off.',
    'On MySQL/MariaDB it is two characters and the line goes on (`/*M!999999\\- enable the sandbox mode */`).',
  ],
  args: { min: 0, max: 0, kinds: [] },
  async run(ctx) {
    ctx.session.sandbox = true;
    return ok;
  },
};

const cd: MetaCommand = {
  name: '\\cd',
  outside: true,
  group: 'General',
  syntax: '\\cd [DIRECTORY]',
  summary: 'change the current directory (alone: the home directory)',
  args: { min: 0, max: 1, kinds: ['file'] },
  async run(_ctx, args) {
    const [dir] = args.words;
    const target = dir ?? homedir();
    try {
      process.chdir(target);
    } catch (e) {
      return fail(`could not change directory to "${target}": ${fileErrorReason(e)}`);
    }
    return ok;
  },
};

const setenv: MetaCommand = {
  name: '\\setenv',
  outside: true,
  group: 'General',
  syntax: '\\setenv NAME [VALUE]',
  summary: 'set an environment variable (alone: unset it)',
  details: ['For what sqlsh starts: \\! commands, the pager, the editor.'],
  args: { min: 1, max: 2, kinds: ['text', 'text'] },
  async run(_ctx, args) {
    const [name, value] = args.words;
    if (!name || name.includes('=')) return fail('environment variable name must not contain "="');
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    return ok;
  },
};

const encoding: MetaCommand = {
  name: '\\encoding',
  group: 'General',
  syntax: '\\encoding [ENCODING]',
  summary: "show the client encoding (sqlsh always talks UTF-8)",
  args: { min: 0, max: 1, kinds: ['text'] },
  async run(ctx, args) {
    const [want] = args.words;
    if (want === undefined) {
      const now = ctx.session.connection.serverSetting?.('client_encoding') ?? 'UTF8';
      return { type: 'message', text: now, stdout: true };
    }
    if (/^(utf-?8|unicode)$/i.test(want)) return ok;
    return fail(`sqlsh reads and writes UTF-8 only; "${want}" is not offered (convert with iconv if a file needs another encoding)`);
  },
};

const prompt: MetaCommand = {
  name: '\\prompt',
  group: 'General',
  syntax: '\\prompt [TEXT] NAME',
  summary: 'ask the user for the value of a psql variable',
  details: ['In a script read with -f, the answer is the next line of standard input (as psql); when the script', 'itself is standard input, the terminal is asked.'],
  args: { min: 1, max: 2, kinds: ['text', 'text'] },
  async run(ctx, args) {
    const w = args.words;
    const name = w[w.length - 1]!;
    const text = w.length > 1 ? w[0]! : '';
    if (!isVariableName(name)) return psqlFail(`invalid variable name: ${JSON.stringify(name)}`);
    const s = ctx.session;
    let answer: string | undefined;
    if (s.interactive && s.io.ask) answer = await s.io.ask(text);
    else if (ctx.opts.source !== undefined && ctx.opts.source !== '<stdin>') {
      await s.out.write(text);
      answer = readLine(0);
    } else {
      let fd: number | undefined;
      try {
        fd = openSync('/dev/tty', 'r+');
      } catch {
        return fail('no terminal to ask on (the script is standard input)');
      }
      try {
        writeSync(fd, text); // the question goes where the answer comes from, as psql's simple_prompt
        answer = withTerminalForChild(() => readLine(fd!));
      } finally {
        closeSync(fd);
      }
    }
    if (answer === undefined) return fail(`could not read value for variable`);
    s.variables = withVariable(s.variables, name, answer);
    return ok;
  },
};

const errverbose: MetaCommand = {
  name: '\\errverbose',
  group: 'General',
  syntax: '\\errverbose',
  summary: 'show the last error in full (SQLSTATE, detail, hint)',
  args: { min: 0, max: 0, kinds: [] },
  async run(ctx) {
    const e = ctx.session.lastError;
    if (!e) return { type: 'message', text: 'There is no previous error.', stdout: true };
    // psql's verbose form: the SQLSTATE, the statement's line with a caret, CONTEXT, the server's LOCATION
    const { formatSqlError } = await import('../../output/error-format.js');
    // in a script psql says it as its own error: FILE:LINE: error: ERROR: ...
    const where = ctx.session.interactive ? '' : `${ctx.opts.source ? `${ctx.opts.source}:${ctx.opts.line}: ` : ''}error: `;
    ctx.session.io.error(where + formatSqlError(e, e.statement !== undefined ? { text: e.statement } : undefined, true));
    return ok;
  },
};

export const SYSTEM_COMMANDS: readonly MetaCommand[] = Object.freeze([shellCommand, sandbox, restrictCommand, unrestrictCommand, cd, setenv, encoding, prompt, errverbose]);
