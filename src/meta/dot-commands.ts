/**
 * sqlite3's dot-commands in scripts, mapped to sqlsh's own backslash commands so that sqlite3 scripts
 * run: `.read FILE` is \i, `.mode csv` is \T csv, `.headers on` is \set header on, `.import FILE TABLE`
 * is \copy TABLE FROM FILE (csv)... A dot-command without a sqlsh counterpart is an error that says so.
 */

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
      return mode ? { meta: `\\T ${mode}`, also: ['\\pset footer off'] } : { error: `.mode ${args[0] ?? ''}: sqlsh has list, csv, tabs, json, markdown, table, box, column and line` };
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
      return { meta: rest ? `\\dt ${rest}` : '\\dt' };
    case 'schema':
      return { meta: rest ? `\\schema ${rest}` : '\\schema' };
    case 'timer':
      return { meta: `\\timing ${on(args[0])}` };
    case 'bail':
      return { meta: `\\set ON_ERROR_STOP ${on(args[0])}` };
    case 'print':
      return { meta: `\\echo ${rest}` };
    case 'quit':
    case 'exit':
      return { meta: '\\q' };
    case 'import': {
      const plain = args.filter((a) => !a.startsWith('--'));
      if (plain.length !== 2 || args.length !== 2) return { error: '.import: sqlsh reads .import FILE TABLE (csv into an existing table, no options)' };
      const file = plain[0]!.replace(/^(['"])(.*)\1$/, '$2');
      return { meta: `\\copy ${plain[1]} FROM '${file.replace(/'/g, "''")}' WITH (FORMAT csv)` };
    }
    default:
      return { error: `unknown dot-command .${name} (sqlsh knows .read, .mode, .separator, .headers, .nullvalue, .output, .once, .tables, .schema, .timer, .bail, .print, .import, .quit)` };
  }
}
