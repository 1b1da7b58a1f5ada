/**
 * psql's printing options (`\pset NAME [VALUE]`, `-P NAME=VALUE`, `-A`, `-t`, `-F`, `-R`, `-z`, `-0`)
 * as a pure step over Settings: settings + option + value -> new settings and psql's own message
 * ("Output format is unaligned.", "Tuples only is on.", "Field separator is "|"."), or an error.
 *
 * Tuples only is header off and footer off (psql's tuples_only leaves out both); `\pset footer`
 * alone switches the `(N rows)` footer. The shell's own settings (table styles, json...) stay
 * reachable through `\pset format` too.
 */
import { effectiveNullString, type Settings } from '../config/settings.js';

export type PsetResult = { readonly settings: Settings; readonly message: string } | { readonly error: string };

/** The options `\pset` and `-P` take (completion, help and `-P` checks read this list). */
export const PSET_NAMES: readonly string[] = Object.freeze([
  'format', 'null', 'fieldsep', 'fieldsep_zero', 'recordsep', 'recordsep_zero', 'tuples_only', 'footer',
  'header', 'expanded', 'linestyle', 'pager', 'border', 'timing',
  'unicode_border_linestyle', 'unicode_column_linestyle', 'unicode_header_linestyle', 'csv_fieldsep', 'tableattr',
  'numericlocale', 'pager_min_lines', 'columns',
]);

const LINE_STYLES = ['ascii', 'old-ascii', 'unicode'] as const;
const UNICODE_LINES = ['single', 'double'] as const;
const UNICODE_WHAT: Readonly<Record<string, string>> = { unicode_border_linestyle: 'border', unicode_column_linestyle: 'column', unicode_header_linestyle: 'header' };

/** C's atoi with its sign (\\pset pager_min_lines): leading digits after an optional sign, else 0. */
const signedAtoi = (v: string): number => {
  const m = /^\s*([+-]?\d+)/.exec(v);
  return m ? Math.max(-2147483648, Math.min(2147483647, Number(m[1]))) : 0;
};

/** C's atoi, as psql reads \\pset border: leading digits, else 0. */
const atoi = (v: string): number => {
  const m = /^\s*[+]?(\d+)/.exec(v);
  return m ? Math.min(65535, Number(m[1])) : 0;
};

const ON = ['on', 'true', 'yes', '1'];
const OFF = ['off', 'false', 'no', '0'];

/** psql's boolean words (a unique prefix counts, as in psql: `t`, `of`); undefined: not a boolean. */
export function psqlBool(word: string): boolean | undefined {
  const w = word.toLowerCase();
  if (w === '') return undefined;
  if (w === 'o') return undefined; // on or off: psql refuses it too
  if (ON.some((x) => x.startsWith(w))) return true;
  if (OFF.some((x) => x.startsWith(w))) return false;
  return undefined;
}

/** The format names psql uses, for sqlsh's formats. */
export function psqlFormatName(s: Settings): string {
  if (s.format === 'table' && s.wrapped && s.table_style === 'psql') return 'wrapped';
  if (s.format === 'table') return s.table_style === 'psql' ? 'aligned' : `aligned (${s.table_style})`;
  return s.format;
}

const FORMATS: Readonly<Record<string, Partial<Settings>>> = Object.freeze({
  aligned: { format: 'table', table_style: 'psql' },
  table: { format: 'table' },
  unaligned: { format: 'unaligned' },
  html: { format: 'html' },
  asciidoc: { format: 'asciidoc' },
  latex: { format: 'latex' },
  'latex-longtable': { format: 'latex-longtable' },
  'troff-ms': { format: 'troff-ms' },
  // psql's csv format: its quoting (an empty string is nothing), not COPY's (--format csv)
  csv: { format: 'csv', psql_csv: true },
  tsv: { format: 'tsv' },
  json: { format: 'json' },
  jsonl: { format: 'jsonl' },
  markdown: { format: 'markdown', table_style: 'markdown' },
  // psql's wrapped: aligned, wide columns wrapped to \\pset columns (or the screen's width); to a file or pipe without columns, aligned
  wrapped: { format: 'table', table_style: 'psql', wrapped: true },
  expanded: { format: 'expanded' },
  psql: { format: 'table', table_style: 'psql' },
  unicode: { format: 'table', table_style: 'unicode' },
  ascii: { format: 'table', table_style: 'ascii' },
});

export const PSET_FORMATS: readonly string[] = Object.freeze(Object.keys(FORMATS));
/** psql 15's own formats, whose unique prefixes it takes (latex-longtable is matched apart). */
const PSQL_FORMATS: readonly string[] = Object.freeze(['aligned', 'asciidoc', 'csv', 'html', 'latex', 'troff-ms', 'unaligned', 'wrapped']);

/** psql's border and line style draw psql's tables: sqlsh's own boxes (\\T ascii, unicode) give way. */
const psqlTable = (s: Settings): Partial<Settings> => (s.table_style === 'ascii' || s.table_style === 'unicode' ? { table_style: 'psql' } : {});

const separator = (kind: 'Field' | 'Record', sep: string): string =>
  sep === '\0' ? `${kind} separator is zero byte.` : kind === 'Record' && sep === '\n' ? 'Record separator is <newline>.' : `${kind} separator is "${sep}".`;

const tuplesOnly = (s: Settings): boolean => !s.header && !s.footer;

/** What `\pset NAME` (no value) reports, psql's wording. */
export function describePset(s: Settings, name: string): string | undefined {
  switch (name) {
    case 'format':
      return `Output format is ${psqlFormatName(s)}.`;
    case 'fieldsep':
    case 'fieldsep_zero':
      return separator('Field', s.field_separator);
    case 'csv_fieldsep':
      return `Field separator for CSV is "${s.csv_field_separator}".`;
    case 'tableattr':
      return s.table_attr === '' ? 'Table attributes unset.' : `Table attributes are "${s.table_attr}".`;
    case 'numericlocale':
      return `Locale-adjusted numeric output is ${s.numeric_locale ? 'on' : 'off'}.`;
    case 'columns':
      return s.columns === 0 ? 'Target width is unset.' : `Target width is ${s.columns}.`;
    case 'pager_min_lines':
      return `Pager won't be used for less than ${s.pager_min_lines} line${s.pager_min_lines === 1 ? '' : 's'}.`;
    case 'recordsep':
    case 'recordsep_zero':
      return separator('Record', s.record_separator);
    case 'tuples_only':
      return `Tuples only is ${tuplesOnly(s) ? 'on' : 'off'}.`;
    case 'footer':
      return `Default footer is ${s.footer ? 'on' : 'off'}.`;
    case 'header':
      return `Header is ${s.header ? 'on' : 'off'}.`;
    case 'null':
      return `Null display is "${effectiveNullString(s)}".`;
    case 'border':
      return `Border style is ${s.table_style === 'psql' || s.table_style === 'markdown' ? s.border : 2}.`;
    case 'linestyle':
      return `Line style is ${s.table_style === 'psql' || s.table_style === 'markdown' ? s.linestyle : s.table_style}.`;
    case 'unicode_border_linestyle':
    case 'unicode_column_linestyle':
    case 'unicode_header_linestyle':
      return `Unicode ${UNICODE_WHAT[name]} line style is "${s[name]}".`;
    default:
      return undefined;
  }
}

/**
 * One printing option. value undefined: toggle a boolean, show a separator, the format or the null
 * display. The options other commands own (pager, timing)
 * are not here: `\pset` hands them on (and `\pset expanded` to `\x`).
 */
export function applyPset(s: Settings, name: string, value: string | undefined): PsetResult {
  const with_ = (change: Partial<Settings>, message: (n: Settings) => string | undefined): PsetResult => {
    const next = Object.freeze({ ...s, ...change }) as Settings;
    return { settings: next, message: message(next) ?? '' };
  };
  const bool = (cur: boolean): boolean | undefined => (value === undefined ? !cur : psqlBool(value));
  switch (name) {
    case 'format': {
      if (value === undefined) return { settings: s, message: describePset(s, 'format')! };
      const w = value.toLowerCase();
      // psql takes a unique prefix of its own formats (latex-longtable apart, as latex is a prefix of it); then sqlsh's
      const own = w === '' ? [] : PSQL_FORMATS.filter((f) => f.startsWith(w));
      if (own.length > 1 && !PSET_FORMATS.includes(w)) return { error: `\\pset: ambiguous abbreviation "${value}" matches both "${own[0]}" and "${own[1]}"` };
      const prefixed = w === '' ? [] : PSET_FORMATS.filter((f) => f.startsWith(w));
      const key = PSET_FORMATS.includes(w) ? w
        : own.length === 1 ? own[0]
          : own.length === 0 && w.length > 5 && 'latex-longtable'.startsWith(w) ? 'latex-longtable'
            : prefixed.length === 1 ? prefixed[0] : undefined;
      if (!key) {
        // psql's line, then the formats it does not have
        const psqls = [...PSQL_FORMATS, 'latex-longtable'].sort();
        return { error: `\\pset: allowed formats are ${psqls.join(', ')}\n(sqlsh's own: ${PSET_FORMATS.filter((f) => !psqls.includes(f)).join(', ')})` };
      }
      return with_({ wrapped: false, ...FORMATS[key]! }, (n) => describePset(n, 'format'));
    }
    case 'csv_fieldsep':
      if (value === undefined) return { settings: s, message: describePset(s, name)! };
      // psql: one one-byte character (a zero byte ends its C string: none), not a quote or a line end
      if (Buffer.byteLength(value) !== 1 || value === '\0') return { error: '\\pset: csv_fieldsep must be a single one-byte character' };
      if (value === '"' || value === '\n' || value === '\r') return { error: '\\pset: csv_fieldsep cannot be a double quote, a newline, or a carriage return' };
      return with_({ csv_field_separator: value }, (n) => describePset(n, name));
    case 'tableattr':
      return with_({ table_attr: value ?? '' }, (n) => describePset(n, name));
    case 'fieldsep':
      return value === undefined ? { settings: s, message: describePset(s, name)! } : with_({ field_separator: value }, (n) => describePset(n, name));
    case 'recordsep':
      return value === undefined ? { settings: s, message: describePset(s, name)! } : with_({ record_separator: value }, (n) => describePset(n, name));
    case 'fieldsep_zero':
      return with_({ field_separator: '\0' }, (n) => describePset(n, name));
    case 'recordsep_zero':
      return with_({ record_separator: '\0' }, (n) => describePset(n, name));
    case 'columns':
      // psql reads the number as atoi and says it back
      return value === undefined ? { settings: s, message: describePset(s, name)! } : with_({ columns: atoi(value) }, (n) => describePset(n, name));
    case 'pager_min_lines':
      // psql reads the number as atoi and says it back, given or not
      return value === undefined ? { settings: s, message: describePset(s, name)! } : with_({ pager_min_lines: signedAtoi(value) }, (n) => describePset(n, name));
    case 'numericlocale': {
      const v = bool(s.numeric_locale);
      if (v === undefined) return { error: `unrecognized value "${value}" for "${name}": Boolean expected` };
      // as psql: confirmed only when toggled
      return with_({ numeric_locale: v }, (n) => (value !== undefined ? '' : describePset(n, name)));
    }
    case 'tuples_only':
    case 'footer':
    case 'header': {
      const cur = name === 'tuples_only' ? tuplesOnly(s) : name === 'footer' ? s.footer : s.header;
      const v = bool(cur);
      if (v === undefined) return { error: `unrecognized value "${value}" for "${name}": Boolean expected` };
      const change: Partial<Settings> = name === 'tuples_only' ? { header: !v, footer: !v } : name === 'footer' ? { footer: v } : { header: v };
      // psql confirms tuples_only and footer only when toggled (given a value it says nothing)
      return with_(change, (n) => (value !== undefined && name !== 'header' ? '' : describePset(n, name)));
    }
    case 'expanded': {
      const w = value?.toLowerCase();
      const v = w === 'auto' ? 'auto' : w === undefined ? (s.expanded === 'on' ? 'off' : 'on') : psqlBool(w) === undefined ? undefined : psqlBool(w) ? 'on' : 'off';
      if (v === undefined) return { error: `unrecognized value "${value}" for "expanded"\nAvailable values are: on, off, auto.` };
      const m = `Expanded display is ${v === 'auto' ? 'used automatically' : v}.`;
      return with_(s.format === 'expanded' && v !== 'on' ? { expanded: v, format: 'table' } : { expanded: v }, () => m);
    }
    case 'pager': {
      // -P pager=off in scripts and Makefiles; on/always keep the configured pager (psql's messages)
      const w = value?.toLowerCase();
      if (w === 'always') return { settings: s, message: 'Pager is always used.' };
      const on = w === undefined ? s.pager === '' : psqlBool(w);
      if (on === undefined) return { error: `unrecognized value "${value}" for "pager"\nAvailable values are: on, off, always.` };
      if (!on) return with_({ pager: '' }, () => 'Pager usage is off.');
      return with_(s.pager === '' ? { pager: 'less -SRXF' } : {}, () => 'Pager is used for long output.');
    }
    case 'border':
      // psql reads the number as C's atoi and says it back; beyond 2 it draws as 2
      return value === undefined ? { settings: s, message: describePset(s, name)! } : with_({ border: atoi(value), ...psqlTable(s) }, (n) => describePset(n, name));
    case 'linestyle': {
      if (value === undefined) return { settings: s, message: describePset(s, name)! };
      const w = value.toLowerCase();
      const style = w === '' ? undefined : LINE_STYLES.find((l) => l.startsWith(w)); // psql takes a prefix, in this order
      if (!style) return { error: `\\pset: allowed line styles are ${LINE_STYLES.join(', ')}` };
      return with_({ linestyle: style, ...psqlTable(s) }, (n) => describePset(n, name));
    }
    case 'unicode_border_linestyle':
    case 'unicode_column_linestyle':
    case 'unicode_header_linestyle': {
      if (value === undefined) return { settings: s, message: describePset(s, name)! };
      const w = value.toLowerCase();
      const line = w === '' ? undefined : UNICODE_LINES.find((l) => l.startsWith(w));
      if (!line) return { error: `\\pset: allowed Unicode ${UNICODE_WHAT[name]} line styles are single, double` };
      return with_({ [name]: line }, (n) => describePset(n, name));
    }
    case 'null':
      // psql: alone, it says what NULL looks like now
      return value === undefined ? { settings: s, message: describePset(s, name)! } : with_({ null_string: value }, (n) => describePset(n, name));
    default:
      return { error: `\\pset: unknown option: ${name}` };
  }
}
