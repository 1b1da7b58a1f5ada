/**
 * sqlite3's dot-commands in scripts, mapped to sqlsh's own backslash commands so that sqlite3 scripts
 * run: `.read FILE` is \i, `.mode csv` is \T csv, `.headers on` is \set header on, `.import FILE TABLE`
 * is \copy TABLE FROM FILE (csv)... A dot-command without a sqlsh counterpart is an error that says so.
 */
import { DOT_COMMANDS } from '../sql/dot-command-names.js';
import { SQLITE3_DEFAULT, SQLITE3_MODES, sqlite3CString, type Sqlite3Mode, type Sqlite3Output } from '../output/sqlite3-sink.js';

/** The sqlite3 shell's modes sqlsh writes as sqlite3 does (output/sqlite3-sink.ts); the others map to sqlsh's formats. */
const SQLITE3_OWN: ReadonlySet<string> = new Set(SQLITE3_MODES);

/** sqlite3's argument escapes: `.separator "\t"` is a tab. */
function unescape(arg: string): string {
  const unquoted = /^(["'])(.*)\1$/s.exec(arg)?.[2] ?? arg;
  return unquoted.replace(/\\([tnr\\"'])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/**
 * The sqlite3 shell's output commands, `.mode`, `.headers`, `.separator` and `.nullvalue`: the output state
 * they leave (sqlite3's own defaults at first), or undefined for another dot-command. `fallback`: a mode
 * sqlsh writes in its own format (json ...): the state is dropped; with `fallback` the command also runs as translated.
 */
export function sqlite3OutputCommand(state: Sqlite3Output | undefined, line: string): { readonly state: Sqlite3Output | undefined; readonly fallback?: boolean } | { readonly error: string } | undefined {
  const m = /^\.(\w+)\s*(.*)$/s.exec(line.trim());
  if (!m) return undefined;
  const name = m[1]!.toLowerCase();
  const args = (m[2]!.trim().match(/"(?:[^"\\]|\\.)*"|'[^']*'|\S+/g) ?? []).map(unescape);
  const s: Sqlite3Output & { headerSet?: boolean } = state ?? SQLITE3_DEFAULT;
  switch (name) {
    case 'mode': {
      const mode = (args[0] ?? '').toLowerCase();
      if (!SQLITE3_OWN.has(mode)) return MODES[mode] ? { state: undefined, fallback: true } : undefined; // (an unknown mode: the translation says so)
      const next: Sqlite3Output & { headerSet?: boolean } = { ...s, mode: mode as Sqlite3Mode };
      if (mode === 'list') return { state: { ...next, colSeparator: '|', rowSeparator: '\n' } };
      if (mode === 'csv') return { state: { ...next, colSeparator: ',', rowSeparator: '\r\n' } };
      if (mode === 'tabs') return { state: { ...next, colSeparator: '\t' } }; // the row separator stays (sqlite3 3.40)
      if (mode === 'line') return { state: { ...next, rowSeparator: '\n' } };
      if (mode === 'quote') return { state: { ...next, colSeparator: ',', rowSeparator: '\n' } };
      if (mode === 'tcl') return { state: { ...next, colSeparator: ' ', rowSeparator: '\n' } };
      if (mode === 'insert') return { state: { ...next, rowSeparator: '\n', insertTable: args[1] ?? 'table' } };
      // column mode shows its header unless .headers said otherwise
      // (and, as sqlite3 3.40, its row separator is a line end again)
      if (mode === 'column') return { state: { ...next, rowSeparator: '\n', ...(!s.headerSet ? { header: true } : {}) } };
      return { state: next };
    }
    case 'headers':
    case 'header':
      return { state: { ...s, header: /^(on|yes|1|true)$/i.test(args[0] ?? ''), headerSet: true } as Sqlite3Output };
    case 'separator':
      if (args[0] === undefined) return { error: '.separator: give the separator between values' };
      return { state: { ...s, colSeparator: args[0], ...(args[1] !== undefined ? { rowSeparator: args[1] } : {}) } };
    case 'nullvalue':
      return { state: { ...s, nullValue: args[0] ?? '' } };
    case 'width': {
      // .width N ...: the columnar modes' widths (none: as wide as needed again)
      const { widths: _old, ...rest } = s;
      return { state: args.length === 0 ? rest : { ...rest, widths: args.map((a) => Math.trunc(Number(a)) || 0) } };
    }
    case 'changes': {
      const { changes: _old, ...rest } = s;
      return { state: /^(on|yes|1|true)$/i.test(args[0] ?? '') ? { ...rest, changes: true } : rest };
    }
    case 'import':
      // sqlite3 3.40: importing in csv mode makes csv's output row separator '\r\n' the input one, '\n', for good
      return state?.mode === 'csv' && state.rowSeparator === '\r\n' ? { state: { ...state, rowSeparator: '\n' }, fallback: true } : undefined;
    default:
      return undefined;
  }
}

/**
 * sqlite3's `.show`: its settings, each `%12.12s: value` (sqlsh has no eqp, explain or stats: theirs are off, auto, off).
 * `widthCount`: the most columns a columnar result had since the last `.width` (sqlite3 grows its width list with zeros).
 */
export function sqlite3Show(state: Sqlite3Output | undefined, o: { readonly echo: boolean; readonly output: string; readonly filename: string; readonly widthCount: number }): string {
  const s = state ?? SQLITE3_DEFAULT;
  const columnar = s.mode === 'column' || s.mode === 'box' || s.mode === 'table' || s.mode === 'markdown';
  const mode = s.mode === 'tabs' ? 'list' : columnar ? `${s.mode} --wrap 60 --wordwrap off --noquote` : s.mode;
  const widths = [...(s.widths ?? [])];
  while (widths.length < o.widthCount) widths.push(0);
  const line = (name: string, value: string): string => `${name.padStart(12)}: ${value}\n`;
  return line('echo', o.echo ? 'on' : 'off') + line('eqp', 'off') + line('explain', 'auto') + line('headers', s.header ? 'on' : 'off')
    + line('mode', mode) + line('nullvalue', sqlite3CString(s.nullValue)) + line('output', o.output)
    + line('colseparator', sqlite3CString(s.colSeparator)) + line('rowseparator', sqlite3CString(s.rowSeparator)) + line('stats', 'off')
    + line('width', widths.map((w) => `${w} `).join('')) + line('filename', o.filename);
}

/** sqlite3's modes as sqlsh's nearest formats: its boxes are sqlsh's boxes, list is psql's unaligned (same '|'). */
const MODES: Readonly<Record<string, string>> = {
  csv: 'csv', tabs: 'tsv', json: 'json', markdown: 'markdown', table: 'ascii', box: 'unicode', column: 'psql', line: 'expanded', list: 'unaligned',
};

/** The backslash command line for a dot-command line ('.mode csv' → '\\T csv') and any run right after it, or an error message. */
export function translateDotCommand(line: string): { readonly meta: string; readonly also?: readonly string[] } | { readonly error: string } {
  const m = /^\.(\w+)\s*(.*)$/s.exec(line.trim());
  if (!m) return { error: `unknown dot-command ${JSON.stringify(line.trim())}` };
  const name = m[1]!.toLowerCase();
  const rest = m[2]!.trim();
  const args = rest.split(/\s+/).filter((a) => a !== '');
  const on = (v: string | undefined) => (/^(on|yes|1|true)$/i.test(v ?? '') ? 'on' : 'off');
  switch (name) {
    case 'read':
      return { meta: `\\i ${rest}` };
    case 'mode': {
      const mode = MODES[(args[0] ?? '').toLowerCase()];
      // sqlite3 prints no row count after a result, in any mode
      return mode ? { meta: `\\T ${mode}`, also: ['\\pset footer off'] } : { error: `.mode ${args[0] ?? ''}: sqlsh has list, csv, tabs, json, markdown, table, box, column, line, quote, insert, html and tcl` };
    }
    case 'separator':
      return args[0] !== undefined ? { meta: `\\pset fieldsep ${args[0]}` } : { error: '.separator: give the separator between values' };
    case 'headers':
    case 'header':
      return { meta: `\\set header ${on(args[0])}` };
    case 'nullvalue':
      return { meta: `\\pset null ${rest}` };
    case 'output':
    case 'once':
      return { meta: rest ? `\\o ${rest}` : '\\o' };
    case 'tables':
      return { meta: rest ? `\\tables ${rest}` : '\\tables' };
    case 'indexes':
    case 'indices':
      return { meta: rest ? `\\indexes ${rest}` : '\\indexes' };
    case 'schema':
      return { meta: rest ? `\\schema ${rest}` : '\\schema' };
    case 'dump':
      return { meta: rest ? `\\dump ${rest}` : '\\dump' };
    case 'databases':
      return { meta: '\\databases' };
    case 'echo':
      return { meta: `\\set ECHO ${on(args[0]) === 'on' ? 'all' : 'none'}` };
    case 'timer':
      return { meta: `\\timing ${on(args[0])}` };
    case 'bail':
      return { meta: `\\set ON_ERROR_STOP ${on(args[0])}` };
    case 'print':
      return { meta: `\\echo ${rest}` };
    case 'quit':
    case 'exit':
      return { meta: '\\q' };
    case 'import':
      return { meta: `\\import ${rest}` };
    case 'help':
      return { meta: '\\?' };
    default:
      return { error: `unknown dot-command .${name} (sqlsh knows ${DOT_COMMANDS.map(([n]) => n).filter((n) => n !== '.exit').join(', ')})` };
  }
}
