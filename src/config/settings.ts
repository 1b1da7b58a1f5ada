/**
 * One typed table of settings. It drives the config file (keys, validation, the commented default
 * file), the command-line flags that set the same things, \set, and the help text. Every setting
 * says where it can be set: a flag or an explicit `flag: null`.
 */
import { isMachineFormat, OUTPUT_FORMATS, TABLE_STYLES, type OutputFormat } from '../output/sink.js';

export interface Settings {
  readonly format: OutputFormat;
  readonly table_style: 'psql' | 'unicode' | 'ascii' | 'markdown';
  readonly expanded: 'off' | 'on' | 'auto';
  /** psql's \\pset border (0, 1, 2; more draws as 2) and line style, for the psql table style. */
  readonly border: number;
  readonly linestyle: 'ascii' | 'old-ascii' | 'unicode';
  readonly unicode_border_linestyle: 'single' | 'double';
  readonly unicode_column_linestyle: 'single' | 'double';
  readonly unicode_header_linestyle: 'single' | 'double';
  readonly null_string: string | null; // null: the format's own default
  readonly header: boolean;
  readonly footer: boolean;
  readonly field_separator: string;
  readonly record_separator: string;
  /** psql's \\pset csv_fieldsep: one one-byte character. */
  readonly csv_field_separator: string;
  /** csv quoted as psql's csv format quotes it (\\pset format csv, --csv): an empty string is nothing, as NULL is; else COPY's csv. */
  readonly psql_csv: boolean;
  /** psql's \\pset tableattr: attributes of html's <table> tag. */
  readonly table_attr: string;
  /** psql's \\pset numericlocale: numbers with their digits grouped by thousands (1,234,567.5). */
  readonly numeric_locale: boolean;
  /** psql's wrapped format (\\pset format wrapped): an aligned table whose wide columns wrap to fit `columns` (or the screen). */
  readonly wrapped: boolean;
  /** psql's \\pset columns: the width wrapped tables fit, on a file or pipe too (0: the screen's). */
  readonly columns: number;
  /** psql's \\pset pager_min_lines: the pager is not used for output shorter than this (nor shorter than the screen). */
  readonly pager_min_lines: number;
  readonly timing: boolean;
  readonly pager: string; // '' = off
  readonly theme: 'dark' | 'light' | 'ansi';
  readonly key_mode: 'emacs' | 'vi';
  readonly keyword_case: 'upper' | 'lower' | 'auto';
  readonly complete_while_typing: boolean;
  readonly smart_completion: boolean;
  readonly multi_line: boolean;
  readonly confirm_destructive: boolean;
  readonly preview: 'destructive' | 'all' | 'off';
  readonly continue_on_error: boolean;
  readonly prompt: string;
  readonly history_size: number;
}

/** How NULL is shown now: the null_string setting, or the format's own default (NULL in tables, empty in csv). */
/** NULL as shown: the setting, else empty in machine formats and where psql's look is kept (psqlNull), else `NULL`. */
export const effectiveNullString = (s: Pick<Settings, 'null_string' | 'format'>, psqlNull = false): string =>
  s.null_string ?? (isMachineFormat(s.format) || psqlNull ? '' : 'NULL');

export type SettingKey = keyof Settings;

export interface SettingSpec<K extends SettingKey = SettingKey> {
  readonly key: K;
  readonly default: Settings[K];
  readonly doc: string;
  /** The command-line flag that sets it, or null when it is only a config choice. */
  readonly flag: string | null;
  /** Allowed values for enumerations (shown in errors and help). */
  readonly values?: readonly string[];
  /** Parse a config/\set value; returns the value or an error message. */
  parse(raw: unknown): { ok: true; value: Settings[K] } | { ok: false; error: string };
}

function oneOf<K extends SettingKey>(values: readonly string[]) {
  return (raw: unknown) =>
    typeof raw === 'string' && values.includes(raw.toLowerCase())
      ? { ok: true as const, value: raw.toLowerCase() as Settings[K] }
      : { ok: false as const, error: `expected one of ${values.join(', ')}, got ${JSON.stringify(raw)}` };
}

function bool<K extends SettingKey>() {
  return (raw: unknown) => {
    if (typeof raw === 'boolean') return { ok: true as const, value: raw as Settings[K] };
    if (typeof raw === 'string') {
      const s = raw.toLowerCase();
      if (['on', 'true', 'yes', '1'].includes(s)) return { ok: true as const, value: true as Settings[K] };
      if (['off', 'false', 'no', '0'].includes(s)) return { ok: true as const, value: false as Settings[K] };
    }
    return { ok: false as const, error: `expected true or false, got ${JSON.stringify(raw)}` };
  };
}

function str<K extends SettingKey>(nullable = false) {
  return (raw: unknown) =>
    typeof raw === 'string' || (nullable && raw === null)
      ? { ok: true as const, value: raw as Settings[K] }
      : { ok: false as const, error: `expected a string, got ${JSON.stringify(raw)}` };
}

function int<K extends SettingKey>(min: number, max: number) {
  return (raw: unknown) => {
    const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
    return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max
      ? { ok: true as const, value: n as Settings[K] }
      : { ok: false as const, error: `expected a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}` };
  };
}

export const SETTINGS: readonly SettingSpec[] = Object.freeze([
  { key: 'format', default: 'table', doc: 'output format', flag: '--format', values: OUTPUT_FORMATS, parse: oneOf(OUTPUT_FORMATS) },
  { key: 'table_style', default: 'psql', doc: 'table borders (\\T)', flag: null, values: TABLE_STYLES, parse: oneOf(TABLE_STYLES) },
  { key: 'expanded', default: 'auto', doc: 'expanded records: off, on, or auto when a table is wider than the terminal (\\x)', flag: null, values: ['off', 'on', 'auto'], parse: oneOf(['off', 'on', 'auto']) },
  { key: 'border', default: 1, doc: "psql's table border: 0 (none), 1 (between columns), 2 (a frame) (\\pset border)", flag: null, parse: int(0, 65535) },
  { key: 'linestyle', default: 'ascii', doc: "psql's line style: ascii, old-ascii or unicode (\\pset linestyle)", flag: null, values: ['ascii', 'old-ascii', 'unicode'], parse: oneOf(['ascii', 'old-ascii', 'unicode']) },
  { key: 'unicode_border_linestyle', default: 'single', doc: 'unicode line style: single or double lines for the frame', flag: null, values: ['single', 'double'], parse: oneOf(['single', 'double']) },
  { key: 'unicode_column_linestyle', default: 'single', doc: 'unicode line style: single or double lines between columns', flag: null, values: ['single', 'double'], parse: oneOf(['single', 'double']) },
  { key: 'unicode_header_linestyle', default: 'single', doc: 'unicode line style: single or double line under the header', flag: null, values: ['single', 'double'], parse: oneOf(['single', 'double']) },
  { key: 'null_string', default: null, doc: 'how NULL is shown (default: NULL in tables, empty in csv/tsv)', flag: '--null', parse: str(true) },
  { key: 'header', default: true, doc: 'print the header row', flag: '--no-header', parse: bool() },
  { key: 'footer', default: true, doc: 'print the (N rows) footer (-t, tuples only, turns off header and footer)', flag: '-t', parse: bool() },
  { key: 'field_separator', default: '|', doc: 'between values in the unaligned format (-A)', flag: '-F', parse: str() },
  { key: 'record_separator', default: '\n', doc: 'between records in the unaligned format (-A)', flag: '-R', parse: str() },
  { key: 'csv_field_separator', default: ',', doc: 'between values in the csv format (\\pset csv_fieldsep)', flag: null, parse: str() },
  { key: 'psql_csv', default: false, doc: "csv as psql's csv format writes it (\\pset format csv, --csv): an empty string as nothing, like NULL, booleans t/f on PostgreSQL; off: COPY's csv, \"\" for an empty string", flag: null, parse: bool() },
  { key: 'table_attr', default: '', doc: "attributes of the html format's <table> tag (\\pset tableattr)", flag: null, parse: str() },
  { key: 'numeric_locale', default: false, doc: "numbers with their digits grouped by thousands, 1,234,567.5 (\\pset numericlocale)", flag: null, parse: bool() },
  { key: 'wrapped', default: false, doc: "psql's wrapped format: tables wrap wide columns to fit the width (\\pset format wrapped)", flag: null, parse: bool() },
  { key: 'columns', default: 0, doc: 'the width wrapped tables fit, on files and pipes too; 0: the screen (\\pset columns)', flag: null, parse: int(0, 2147483647) },
  { key: 'pager_min_lines', default: 0, doc: 'the pager is not used for fewer lines than this, whatever the screen (\\pset pager_min_lines)', flag: null, parse: int(-2147483648, 2147483647) },
  { key: 'timing', default: false, doc: 'print the time each statement took (\\timing)', flag: null, parse: bool() },
  { key: 'pager', default: 'less -SRXF', doc: 'pager for output taller or wider than the screen; "" for none ($PAGER wins when set)', flag: null, parse: str() },
  { key: 'theme', default: 'dark', doc: 'colour theme: dark, light, or ansi (16 colours)', flag: null, values: ['dark', 'light', 'ansi'], parse: oneOf(['dark', 'light', 'ansi']) },
  { key: 'key_mode', default: 'emacs', doc: 'key bindings: emacs or vi (F4)', flag: null, values: ['emacs', 'vi'], parse: oneOf(['emacs', 'vi']) },
  { key: 'keyword_case', default: 'upper', doc: 'case of completed keywords: upper, lower, or auto (follow your typing)', flag: null, values: ['upper', 'lower', 'auto'], parse: oneOf(['upper', 'lower', 'auto']) },
  { key: 'complete_while_typing', default: true, doc: 'open the completion menu as you type (otherwise on Tab)', flag: null, parse: bool() },
  { key: 'smart_completion', default: true, doc: 'context-aware completion (F2)', flag: null, parse: bool() },
  { key: 'multi_line', default: true, doc: 'Enter runs only a complete statement (F3)', flag: null, parse: bool() },
  { key: 'confirm_destructive', default: true, doc: 'ask before DROP, TRUNCATE, DELETE/UPDATE without WHERE (interactive; scripts need --confirm-destructive)', flag: '--confirm-destructive', parse: bool() },
  { key: 'preview', default: 'destructive', doc: 'try a change in a transaction that is rolled back, show what it does, then ask: destructive (UPDATE, DELETE, DROP, TRUNCATE, ALTER ... DROP, INSERT ... SELECT), all (every data change), or off (the plain question of confirm_destructive)', flag: null, values: ['destructive', 'all', 'off'], parse: oneOf(['destructive', 'all', 'off']) },
  { key: 'continue_on_error', default: false, doc: 'in scripts, go on after a failed statement', flag: '--continue-on-error', parse: bool() },
  { key: 'prompt', default: '{engine} {db}{tx}> ', doc: 'prompt: {engine} {db} {user} {host} {tx} (transaction marker)', flag: null, parse: str() },
  { key: 'history_size', default: 10000, doc: 'entries kept in the history file', flag: null, parse: int(0, 1000000) },
] satisfies SettingSpec[] as SettingSpec[]);

export const DEFAULT_SETTINGS: Settings = Object.freeze(
  Object.fromEntries(SETTINGS.map((s) => [s.key, s.default])) as unknown as Settings,
);

export function settingSpec(key: string): SettingSpec | undefined {
  return SETTINGS.find((s) => s.key === key);
}
