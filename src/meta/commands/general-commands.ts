/** \q, \?, \h, \echo, \set: leaving, help, and settings. */
import type { MetaCommand } from '../meta-command.js';
import { NO_ARGS, fail, info, ok, usage } from '../meta-command.js';
import { SETTINGS, settingSpec } from '../../config/settings.js';

const quit: MetaCommand = {
  name: '\\q',
  aliases: ['\\quit'],
  group: 'General',
  syntax: '\\q',
  summary: 'quit sqlsh',
  args: NO_ARGS,
  // An open transaction asks first, as Ctrl-D does (one question, in the session).
  run: async (ctx) => ((await ctx.session.confirmLeavingTransaction()) ? { type: 'quit' } : { type: 'ok' }),
};

const help: MetaCommand = {
  name: '\\?',
  aliases: ['\\help-commands'],
  group: 'Help',
  syntax: '\\? [commands | options | variables | COMMAND]',
  summary: 'list the backslash commands, or explain one',
  details: [
    "\\? alone (or \\? commands) lists every command with one line; \\? options the command line's; \\? variables",
    'the special variables; \\? \\dt (or \\? dt) explains \\dt. Another word lists the commands, as psql does.',
  ],
  args: { min: 0, max: 1, kinds: ['command'] },
  async run(ctx, args) {
    const { metaRegistry } = await import('../meta-registry.js');
    const reg = metaRegistry();
    // psql's topics, written exactly (`\\? Options` is no topic)
    const word = args.words[0];
    if (word === 'options') {
      const [{ helpText }, { sqlshVersion }] = await Promise.all([import('../../cli/help.js'), import('../../core/version.js')]);
      await ctx.runner.page(helpText(sqlshVersion()));
      return ok;
    }
    if (word === 'variables') {
      await ctx.runner.page((await import('../variables-help.js')).variablesHelp());
      return ok;
    }
    const text = word === undefined || word === 'commands' ? undefined : reg.helpFor(word);
    if (text) {
      await ctx.runner.page(text);
      return ok;
    }
    if (word !== undefined && word !== 'commands' && ctx.session.interactive) {
      // any other word lists the commands, as psql's \\? does; at the prompt a word about it first
      const w = word.startsWith('\\') ? word : `\\${word}`;
      const near = reg.closest(w);
      ctx.session.io.message(`No command ${w}${near ? `; did you mean ${near}?` : ''} All of them:`);
    }
    await ctx.runner.page(reg.helpList());
    return ok;
  },
};

const sqlHelp: MetaCommand = {
  name: '\\h',
  aliases: ['\\help'],
  group: 'Help',
  syntax: '\\h [STATEMENT]',
  summary: 'SQL syntax reminder for this engine',
  details: ['\\h alone lists the statements it knows; \\h create table shows one.'],
  args: { min: 0, max: Infinity, kinds: ['keyword'] },
  async run(ctx, args) {
    const { sqlHelpText } = await import('../sql-help.js');
    const r = sqlHelpText(ctx.session.dialect.id, args.words.join(' '));
    if (!r.ok) return fail(r.text);
    await ctx.runner.page(r.text);
    return ok;
  },
};

/** sqlsh's settings part of \\set (script-commands.ts declares \\set: settings, else psql variables). */
export const SETTINGS_SET: MetaCommand = {
  name: '\\set',
  group: 'General',
  syntax: '\\set [NAME [VALUE]]',
  summary: 'show or change a setting for this session',
  details: ['Settings are those of config.toml (format, null_string, timing, keyword_case, ...).'],
  args: { min: 0, max: Infinity, kinds: ['setting', 'text'], choices: undefined },
  async run(ctx, args) {
    const s = ctx.session;
    if (args.words.length === 0) {
      const width = Math.max(...SETTINGS.map((x) => x.key.length));
      const lines = SETTINGS.map((x) => `${x.key.padEnd(width)} = ${JSON.stringify((s.settings as unknown as Record<string, unknown>)[x.key])}`);
      await ctx.runner.page(lines.join('\n') + '\n');
      return ok;
    }
    const key = args.words[0]!;
    const spec = settingSpec(key);
    if (!spec) {
      const near = SETTINGS.map((x) => x.key).find((k) => k.startsWith(key.slice(0, 3)));
      return usage(`unknown setting ${JSON.stringify(key)}${near ? ` (did you mean ${near}?)` : ''}`);
    }
    if (args.words.length === 1) return info(`${spec.key} = ${JSON.stringify((s.settings as unknown as Record<string, unknown>)[spec.key])}`);
    const raw = args.words.slice(1).join(' ');
    const parsed = spec.parse(spec.key === 'null_string' && raw === 'default' ? null : raw);
    if (!parsed.ok) return fail(`${spec.key}: ${parsed.error}`);
    s.set(spec.key, parsed.value as never);
    return ok;
  },
};

// \echo and \set are declared in script-commands.ts (psql variables).
export const GENERAL_COMMANDS: readonly MetaCommand[] = Object.freeze([help, sqlHelp, quit]);
