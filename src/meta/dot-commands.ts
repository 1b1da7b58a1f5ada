/**
 * The sqlite3 shell's output state as its dot-commands change it (`.mode`, `.headers`, `.separator`,
 * `.nullvalue`, `.width`, `.changes`) and its `.show`: pure functions of the state and the command's words
 * (read with sqlite3's rules, sqlite3-words.ts). The other dot-commands run in run-dot-command.ts.
 */
import { SQLITE3_DEFAULT, SQLITE3_MODES, sqlite3CString, type Sqlite3Mode, type Sqlite3Output } from '../output/sqlite3-sink.js';

/** The sqlite3 shell's modes, all written as sqlite3 writes them (output/sqlite3-sink.ts). */
const SQLITE3_OWN: ReadonlySet<string> = new Set(SQLITE3_MODES);

/**
 * sqlite3's boolean argument (`.headers on`, `.bail 0`): on/yes/true or a non-zero number is on, off/no/false
 * or zero off; anything else is off with sqlite3's warning.
 */
export function sqlite3Boolean(word: string): { readonly value: boolean; readonly warning?: string } {
  if (/^[0-9]+$/.test(word)) return { value: /[1-9]/.test(word) };
  if (/^(on|yes|true)$/i.test(word)) return { value: true };
  if (/^(off|no|false)$/i.test(word)) return { value: false };
  return { value: false, warning: `ERROR: Not a boolean value: "${word}". Assuming "no".` };
}

/** What a sqlite3 output command did: its new state, a line it prints on stdout, a warning or an error (sqlite3's words). */
export type Sqlite3OutputStep =
  | { readonly state: Sqlite3Output | undefined; readonly print?: string; readonly warning?: string }
  | { readonly error: string; readonly state?: Sqlite3Output };

/**
 * The sqlite3 shell's output commands, `.mode`, `.headers`, `.separator`, `.nullvalue`, `.width`, `.explain` and `.changes`:
 * the output state they leave (sqlite3's own defaults at first), or undefined for another dot-command.
 * `words`: the line as sqlite3 reads it (sqlite3-words.ts), the command's name first.
 */
export function sqlite3OutputCommand(state: Sqlite3Output | undefined, words: readonly string[]): Sqlite3OutputStep | undefined {
  const name = (words[0] ?? '').toLowerCase();
  const args = words.slice(1);
  const s: Sqlite3Output & { headerSet?: boolean } = state ?? SQLITE3_DEFAULT;
  switch (name) {
    case 'mode': {
      // the words: a mode's name (insert: then its table), and the columnar modes' options in any place:
      // --wrap N, --wordwrap on|off, --ww, --quote, --noquote (another option is left alone, as sqlite3 3.40 does)
      const words: string[] = [];
      const options: { wrap?: number; wordWrap?: boolean; quote?: boolean } = {};
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (!a.startsWith('-')) words.push(a);
        else if (a === '--wrap' || a === '-wrap') options.wrap = i + 1 < args.length ? Number.parseInt(args[++i]!, 10) || 0 : options.wrap;
        else if (a === '--wordwrap' || a === '-wordwrap') options.wordWrap = i + 1 < args.length ? sqlite3Boolean(args[++i]!).value : options.wordWrap;
        else if (a === '--ww' || a === '-ww') options.wordWrap = true;
        else if (a === '--quote' || a === '-quote') options.quote = true;
        else if (a === '--noquote' || a === '-noquote') options.quote = false;
      }
      if (words.length === 0) {
        // sqlite3 3.40 says the mode, then sets it again by that name (its separators too; tabs is list) with the options
        const again = sqlite3OutputCommand(s, ['mode', s.mode === 'tabs' ? 'list' : s.mode, ...args]);
        return { state: again && 'state' in again ? again.state : s, print: `current output mode: ${sqlite3ModeName(s)}\n` };
      }
      const named = words[0]!.toLowerCase();
      if (!SQLITE3_OWN.has(named) && named !== 'qbox') return { error: `Error: mode should be one of: ${[...SQLITE3_MODES, 'qbox'].sort().join(' ')}` };
      // qbox: box with its values quoted
      const mode = named === 'qbox' ? 'box' : named;
      const { wrap: _w, wordWrap: _ww, quote: _q, ...plain } = s;
      const columnar = mode === 'column' || mode === 'box' || mode === 'table' || mode === 'markdown';
      const layout = columnar ? { wrap: options.wrap ?? 60, wordWrap: options.wordWrap ?? false, quote: options.quote ?? named === 'qbox' } : {};
      const next: Sqlite3Output & { headerSet?: boolean } = { ...plain, ...layout, mode: mode as Sqlite3Mode };
      if (mode === 'list') return { state: { ...next, colSeparator: '|', rowSeparator: '\n' } };
      if (mode === 'ascii') return { state: { ...next, colSeparator: '\x1f', rowSeparator: '\x1e' } };
      if (mode === 'csv') return { state: { ...next, colSeparator: ',', rowSeparator: '\r\n' } };
      if (mode === 'tabs') return { state: { ...next, colSeparator: '\t' } }; // the row separator stays (sqlite3 3.40)
      if (mode === 'line') return { state: { ...next, rowSeparator: '\n' } };
      if (mode === 'quote') return { state: { ...next, colSeparator: ',', rowSeparator: '\n' } };
      if (mode === 'tcl') return { state: { ...next, colSeparator: ' ', rowSeparator: '\n' } };
      if (mode === 'insert') return { state: { ...next, rowSeparator: '\n', insertTable: words[1] ?? 'table' } };
      // column mode shows its header unless .headers said otherwise
      // (and, as sqlite3 3.40, its row separator is a line end again)
      if (mode === 'column') return { state: { ...next, rowSeparator: '\n', ...(!s.headerSet ? { header: true } : {}) } };
      return { state: next };
    }
    case 'headers':
    case 'header': {
      if (args.length !== 1) return { error: 'Usage: .headers on|off' };
      const b = sqlite3Boolean(args[0]!);
      return { state: { ...s, header: b.value, headerSet: true } as Sqlite3Output, ...(b.warning ? { warning: b.warning } : {}) };
    }
    case 'separator': {
      if (args.length === 0) return { error: 'Usage: .separator COL ?ROW?' };
      // (sqlite3 sets the separators it was given even when there are too many)
      const next = { ...s, colSeparator: args[0]!, ...(args[1] !== undefined ? { rowSeparator: args[1] } : {}) };
      return args.length > 2 ? { error: 'Usage: .separator COL ?ROW?', state: next } : { state: next };
    }
    case 'nullvalue':
      if (args.length !== 1) return { error: 'Usage: .nullvalue STRING' };
      return { state: { ...s, nullValue: args[0]! } };
    case 'width': {
      // .width N ...: the columnar modes' widths (none: as wide as needed again)
      const { widths: _old, ...rest } = s;
      return { state: args.length === 0 ? rest : { ...rest, widths: args.map((a) => Math.trunc(Number(a)) || 0) } };
    }
    case 'explain': {
      // on (no word too): explain mode, the mode before it kept; off, auto: that mode again, and EXPLAIN statements
      // in explain mode (auto) or in the mode's own form (off); a word that is not a boolean is off, with the warning
      const w = args[0] === undefined ? 'on' : args[0].toLowerCase() === 'auto' ? 'auto' : sqlite3Boolean(args[0]);
      const on = w === 'on' || (typeof w === 'object' && w.value);
      const { autoExplain: _a, normalMode: _n, ...rest } = s;
      const before = s.mode === 'explain' ? s.normalMode ?? 'list' : undefined;
      if (on) return { state: s.mode === 'explain' ? { ...s, autoExplain: false } : { ...rest, mode: 'explain', normalMode: s.mode, autoExplain: false } };
      const next = { ...rest, ...(before ? { mode: before } : {}), ...(w === 'auto' ? {} : { autoExplain: false as const }) };
      return { state: next, ...(typeof w === 'object' && w.warning ? { warning: w.warning } : {}) };
    }
    case 'changes': {
      if (args.length !== 1) return { error: 'Usage: .changes on|off' };
      const { changes: _old, ...rest } = s;
      const b = sqlite3Boolean(args[0]!);
      return { state: b.value ? { ...rest, changes: true } : rest, ...(b.warning ? { warning: b.warning } : {}) };
    }
    default:
      return undefined;
  }
}

/** The mode as sqlite3 3.40 names it in `.mode` and `.show` (tabs is list; the columnar modes with their options). */
export function sqlite3ModeName(s: Sqlite3Output): string {
  const columnar = s.mode === 'column' || s.mode === 'box' || s.mode === 'table' || s.mode === 'markdown';
  return s.mode === 'tabs' || s.mode === 'eqp' ? 'list' : columnar ? `${s.mode} --wrap ${s.wrap ?? 60} --wordwrap ${s.wordWrap ? 'on' : 'off'} --${s.quote ? 'quote' : 'noquote'}` : s.mode;
}

/**
 * sqlite3's `.show`: its settings, each `%12.12s: value` (stats as `.stats` set it).
 * `widthCount`: the most columns a columnar result had since the last `.width` (sqlite3 grows its width list with zeros).
 */
export function sqlite3Show(state: Sqlite3Output | undefined, o: { readonly echo: boolean; readonly eqp?: string; readonly stats?: string; readonly output: string; readonly filename: string; readonly widthCount: number }): string {
  const s = state ?? SQLITE3_DEFAULT;
  const mode = sqlite3ModeName(s);
  const widths = [...(s.widths ?? [])];
  while (widths.length < o.widthCount) widths.push(0);
  const line = (name: string, value: string): string => `${name.padStart(12)}: ${value}\n`;
  return line('echo', o.echo ? 'on' : 'off') + line('eqp', o.eqp ?? 'off') + line('explain', s.mode === 'explain' ? 'on' : s.autoExplain === false ? 'off' : 'auto') + line('headers', s.header ? 'on' : 'off')
    + line('mode', mode) + line('nullvalue', sqlite3CString(s.nullValue)) + line('output', o.output)
    + line('colseparator', sqlite3CString(s.colSeparator)) + line('rowseparator', sqlite3CString(s.rowSeparator)) + line('stats', o.stats ?? 'off')
    + line('width', widths.map((w) => `${w} `).join('')) + line('filename', o.filename);
}
