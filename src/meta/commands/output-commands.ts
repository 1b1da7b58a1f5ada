/** \x, \T, \pset, \o, \timing, \pager: how and where results are shown. */
import type { MetaCommand, MetaContext } from '../meta-command.js';
import { confirmed, fail, info, ok, psqlFail, said, usage } from '../meta-command.js';
import type { Settings } from '../../config/settings.js';
import { fileErrorReason } from '../file-error.js';
import { applyPset, describePset, PSET_NAMES, psqlBool, psqlFormatName } from '../pset.js';
import { variableFlag } from '../../sql/variables.js';
import { withArguments } from '../sandbox.js';


/** `\pset NAME VALUE`, `\a`, `\t`, `\f`: psql's printing options through one pure step. */
function psetStep(ctx: MetaContext, name: string, value: string | undefined) {
  // NULL as it is shown now: psql's empty default in PostgreSQL scripts (Session.renderOptions)
  if (name === 'null' && value === undefined) return said(ctx, `Null display is "${ctx.session.renderOptions().nullString}".`);
  const r = applyPset(ctx.session.settings, name, value);
  if ('error' in r) return psqlFail(r.error); // psql's words (`\\pset: allowed line styles are ...`)
  for (const k of Object.keys(r.settings) as (keyof Settings)[]) {
    if (r.settings[k] !== ctx.session.settings[k]) ctx.session.set(k, r.settings[k] as never);
  }
  if (name === 'expanded') ctx.session.expandedAutoAsked = r.settings.expanded === 'auto';
  return said(ctx, r.message);
}

const ON = ['on', 'true', 'yes', '1'];
const OFF = ['off', 'false', 'no', '0'];

/** on/off/toggle for a boolean setting. */
function toggle(current: boolean, word: string | undefined): boolean | undefined {
  if (word === undefined) return !current;
  const w = word.toLowerCase();
  if (ON.includes(w)) return true;
  if (OFF.includes(w)) return false;
  return undefined;
}

const expanded: MetaCommand = {
  name: '\\x',
  group: 'Output',
  syntax: '\\x [on|off|auto]',
  summary: 'expanded records; auto: when a table is too wide',
  details: ['\\x alone toggles between on and off.'],
  args: { min: 0, max: 1, kinds: ['keyword'], choices: ['on', 'off', 'auto'], choicesOffered: true },
  async run(ctx, args) {
    const s = ctx.session;
    // a value as psql's \\pset expanded reads it (`\\x t`, `\\x of`), or its words for one it cannot read
    if (args.words[0] !== undefined) return psetStep(ctx, 'expanded', args.words[0]);
    // alone it toggles what is in effect: sqlsh's default is auto, which is off in a script, where
    // `\x` then turns records on as psql's does from its default (off); an auto asked for turns off, as psql's
    const next: Settings['expanded'] = s.expandedAutoAsked && s.settings.expanded === 'auto' ? 'off' : s.renderOptions().expanded === 'off' ? 'on' : 'off';
    s.expandedAutoAsked = false;
    s.set('expanded', next);
    if (s.settings.format === 'expanded' && next !== 'on') s.set('format', 'table');
    return said(ctx, `Expanded display is ${next}.`);
  },
};

const TABLE_STYLE_NAMES = ['psql', 'unicode', 'ascii', 'markdown'] as const;
const FORMAT_NAMES = ['csv', 'tsv', 'json', 'jsonl', 'expanded', 'unaligned'] as const;
const T_CHOICES = [...TABLE_STYLE_NAMES, 'table', ...FORMAT_NAMES];

function setFormat(ctx: MetaContext, name: string): string | undefined {
  const s = ctx.session;
  const w = name.toLowerCase();
  if ((TABLE_STYLE_NAMES as readonly string[]).includes(w)) {
    s.set('format', w === 'markdown' ? 'markdown' : 'table');
    s.set('table_style', w as Settings['table_style']);
  } else if (w === 'table') s.set('format', 'table');
  else if ((FORMAT_NAMES as readonly string[]).includes(w)) s.set('format', w as Settings['format']);
  else return `unknown format ${JSON.stringify(name)}; expected one of ${T_CHOICES.join(', ')}`;
  return undefined;
}

function describeFormat(st: Settings): string {
  return st.format === 'table' ? `table (${st.table_style} style)` : st.format;
}

const alignToggle: MetaCommand = {
  name: '\\a',
  group: 'Output',
  syntax: '\\a',
  summary: 'toggle between unaligned (psql -A) and aligned output',
  args: { min: 0, max: 0, kinds: [] },
  async run(ctx) {
    return psetStep(ctx, 'format', ctx.session.settings.format === 'unaligned' ? 'aligned' : 'unaligned');
  },
};

const htmlToggle: MetaCommand = {
  name: '\\H',
  aliases: ['\\html'],
  group: 'Output',
  syntax: '\\H',
  summary: "toggle psql's html output",
  args: { min: 0, max: 0, kinds: [] },
  async run(ctx) {
    return psetStep(ctx, 'format', ctx.session.settings.format === 'html' ? 'aligned' : 'html');
  },
};

const tuplesOnly: MetaCommand = {
  name: '\\t',
  group: 'Output',
  syntax: '\\t [on|off]',
  summary: 'rows only: no header, no (N rows) footer (psql -t)',
  details: ['\\t alone toggles.'],
  args: { min: 0, max: 1, kinds: ['keyword'], choices: [...ON, ...OFF], choicesOffered: true },
  async run(ctx, args) {
    return psetStep(ctx, 'tuples_only', args.words[0]);
  },
};

const fieldSeparator: MetaCommand = {
  name: '\\f',
  group: 'Output',
  syntax: '\\f [STRING]',
  summary: 'field separator of the unaligned format (psql -F)',
  details: ["\\f alone shows it; \\f '\\t' for a tab."],
  args: { min: 0, max: 1, kinds: ['text'] },
  async run(ctx, args) {
    return psetStep(ctx, 'fieldsep', args.words[0]);
  },
};

const tableFormat: MetaCommand = {
  name: '\\T',
  group: 'Output',
  syntax: '\\T [FORMAT]',
  summary: 'format: psql, unicode, ascii, markdown, csv, json...',
  details: ['\\T alone shows the current format.'],
  args: { min: 0, max: 1, kinds: ['keyword'], choices: T_CHOICES },
  async run(ctx, args) {
    if (args.words.length === 0) return info(`Output format is ${describeFormat(ctx.session.settings)}.`);
    const err = setFormat(ctx, args.words[0]!);
    return err ? usage(err) : info(`Output format is ${describeFormat(ctx.session.settings)}.`);
  },
};

/** \pset's options: the printing options (pset.ts), and the title, which is the session's (\\C). */
const PSET_OPTIONS = [...PSET_NAMES, 'title'];

/** psql's \\C TITLE and \\pset title TITLE: the title of the tables that follow; alone, none. */
function setTitle(ctx: MetaContext, title: string | undefined) {
  // (an empty title is a title, an empty line above the table, as psql's)
  ctx.session.title = title;
  return said(ctx, ctx.session.title === undefined ? 'Title is unset.' : `Title is "${ctx.session.title}".`);
}

const titleCommand: MetaCommand = {
  name: '\\C',
  group: 'Output',
  syntax: '\\C [TITLE]',
  summary: 'set the title of the tables that follow; alone, unset it',
  args: { min: 0, max: Infinity, kinds: ['text'] },
  run: async (ctx, args) => {
    // psql: one argument (quote a title with spaces); the rest is said and left out
    for (const extra of args.words.slice(1)) ctx.session.io.message(`\\C: extra argument "${extra}" ignored`);
    return setTitle(ctx, args.words[0]);
  },
};

const pset: MetaCommand = {
  name: '\\pset',
  group: 'Output',
  syntax: '\\pset [OPTION [VALUE]]',
  summary: 'output options: null, format, header, expanded...',
  details: [
    '\\pset null STRING: how NULL is shown ("\\pset null" alone says what it is now).',
    '\\pset format aligned|unaligned|wrapped|html|csv|tsv|json|jsonl|markdown|table|expanded.',
    "\\pset border 0|1|2, \\pset linestyle ascii|old-ascii|unicode, unicode_border_linestyle|unicode_column_linestyle|unicode_header_linestyle single|double: psql's lines (\\T ascii or unicode: sqlsh's boxes).",
    "\\pset fieldsep '\\t', \\pset recordsep STRING, fieldsep_zero, recordsep_zero: the unaligned format's separators.",
    '\\pset header on|off; \\pset footer on|off; \\pset tuples_only on|off (rows only: no header, no footer).',
  ],
  args: { min: 0, max: 2, kinds: ['keyword', 'text'], choices: PSET_OPTIONS, choicesOffered: true },
  async run(ctx, args) {
    const s = ctx.session;
    const st = s.settings;
    // (option names as psql reads them: exactly, `\\pset FORMAT` is no option)
    const [opt, value] = [args.words[0], args.words[1]];
    switch (opt) {
      case undefined: {
        // psql's list of its printing options (psql 15), each `%-24s %s`; sqlsh's own (timing, pager command) are their commands'
        const quoted = (v: string): string => `'${v.replace(/\n/g, '\\n').replace(/'/g, "\\'")}'`;
        const onOff = (b: boolean): string => (b ? 'on' : 'off');
        const items: [string, string][] = [
          ['border', describePset(st, 'border')!.replace(/^Border style is (.*)\.$/, '$1')],
          ['columns', String(st.columns)],
          ['csv_fieldsep', quoted(st.csv_field_separator)],
          ['expanded', st.format === 'expanded' ? 'on' : s.renderOptions().expanded === 'on' ? 'on' : st.expanded === 'auto' && s.out.columns ? 'auto' : 'off'],
          ['fieldsep', quoted(st.field_separator === '\0' ? '' : st.field_separator)],
          ['fieldsep_zero', onOff(st.field_separator === '\0')],
          // psql's tuples_only leaves its footer option on (sqlsh's tuples only is header and footer off)
          ['footer', onOff(st.footer || !st.header)],
          ['format', psqlFormatName(st)],
          ['linestyle', describePset(st, 'linestyle')!.replace(/^Line style is (.*)\.$/, '$1')],
          ['null', quoted(s.renderOptions().nullString)],
          ['numericlocale', onOff(st.numeric_locale)],
          ['pager', st.pager ? (s.pagerAlways ? '2' : '1') : '0'],
          ['pager_min_lines', String(st.pager_min_lines)],
          ['recordsep', quoted(st.record_separator === '\0' ? '' : st.record_separator)],
          ['recordsep_zero', onOff(st.record_separator === '\0')],
          ['tableattr', st.table_attr],
          ['title', s.title === undefined ? '' : quoted(s.title)],
          ['tuples_only', onOff(!st.header && !st.footer)],
          ['unicode_border_linestyle', st.unicode_border_linestyle],
          ['unicode_column_linestyle', st.unicode_column_linestyle],
          ['unicode_header_linestyle', st.unicode_header_linestyle],
        ];
        await ctx.runner.page(items.map(([k, v]) => `${k.padEnd(24)} ${v}\n`).join(''));
        return ok;
      }
      case 'title':
        return setTitle(ctx, value);
      case 'expanded':
        // alone it toggles as \\x does
        return value === undefined ? expanded.run(ctx, { raw: '', words: [], tokens: [] }) : psetStep(ctx, opt, value);
      case 'pager': {
        // psql's three states: 0 off, 1 for long output, 2 always; alone it toggles (1 to 0, else to 1), as psql's
        // (\\pager takes a command; on keeps the one configured)
        const w = value?.toLowerCase();
        const now = !st.pager ? 0 : s.pagerAlways ? 2 : 1;
        const bool = w === undefined || w === 'always' ? undefined : psqlBool(w);
        const next = w === undefined ? (now === 1 ? 0 : 1) : w === 'always' ? 2 : bool === undefined ? undefined : bool ? 1 : 0;
        if (next === undefined) return psetStep(ctx, 'pager', value); // psql's error
        if (next === 0) s.set('pager', '');
        else if (!st.pager) s.set('pager', process.env['PAGER']?.trim() || 'less -SRXF');
        s.pagerAlways = next === 2;
        return said(ctx, ['Pager usage is off.', 'Pager is used for long output.', 'Pager is always used.'][next]!);
      }
      case 'timing':
        return timing.run(ctx, { raw: value ?? '', words: value ? [value] : [], tokens: value ? [value] : [] });
      default:
        return psetStep(ctx, opt, value);
    }
  },
};

const timing: MetaCommand = {
  name: '\\timing',
  group: 'Output',
  syntax: '\\timing [on|off]',
  summary: 'show how long each statement took',
  details: ['\\timing alone toggles.'],
  args: { min: 0, max: 1, kinds: ['keyword'], choices: [...ON, ...OFF], choicesOffered: true },
  async run(ctx, args) {
    const now = ctx.session.settings.timing;
    const w = args.words[0];
    const v = w === undefined ? !now : psqlBool(w);
    // psql's words, then how timing stands (unchanged)
    if (v === undefined) return { type: 'error', message: `unrecognized value "${w}" for "\\timing": Boolean expected`, psql: true, then: `Timing is ${now ? 'on' : 'off'}.` };
    ctx.session.set('timing', v);
    return said(ctx, `Timing is ${v ? 'on' : 'off'}.`);
  },
};

const pager: MetaCommand = {
  name: '\\pager',
  outside: (args) => args.raw !== '' && !ON.includes(args.raw.toLowerCase()) && !OFF.includes(args.raw.toLowerCase()),
  group: 'Output',
  syntax: '\\pager [on|off|COMMAND]',
  summary: 'page long results, or pick the pager command',
  details: ['\\pager alone shows the current pager.'],
  args: { min: 0, max: Infinity, kinds: ['text'] },
  async run(ctx, args) {
    const s = ctx.session;
    if (args.words.length === 0) return info(s.settings.pager ? `Pager is ${JSON.stringify(s.settings.pager)}.` : 'Pager is off.');
    const w = args.raw;
    if (OFF.includes(w.toLowerCase())) s.set('pager', '');
    else if (ON.includes(w.toLowerCase())) s.set('pager', process.env['PAGER']?.trim() || 'less -SRXF');
    else s.set('pager', w);
    return info(s.settings.pager ? `Pager is ${JSON.stringify(s.settings.pager)}.` : 'Pager is off.');
  },
};

const output: MetaCommand = {
  name: '\\o',
  outside: withArguments,
  aliases: ['\\out'],
  group: 'Output',
  syntax: '\\o [FILE | |COMMAND]',
  summary: 'results to a file or |command; alone: the screen',
  details: ['\\o out.txt writes (truncates) out.txt; \\o |grep foo pipes results to a shell command.', 'Messages and errors still go to the screen.'],
  args: { min: 0, max: Infinity, kinds: ['file'] },
  async run(ctx, args) {
    const { openOutput } = await import('../open-output.js');
    const s = ctx.session;
    await s.closeOutput();
    if (args.raw === '') return ok;
    const target = args.raw.startsWith('|') ? { command: args.raw.slice(1).trim() } : { file: args.words.join(' ') };
    if ('command' in target && !target.command) return usage('give a command after |');
    try {
      s.output = await openOutput(target, ctx.opts.source);
    } catch (e) {
      return fail(`cannot write to ${JSON.stringify(args.raw)}: ${fileErrorReason(e)}`);
    }
    return ok;
  },
};

export const OUTPUT_COMMANDS: readonly MetaCommand[] = Object.freeze([expanded, tableFormat, pset, alignToggle, htmlToggle, tuplesOnly, fieldSeparator, titleCommand, output, timing, pager]);
