/** Reading and writing the two \copy formats: CSV (RFC 4180, configurable) and text (tab, \N, backslash escapes). */
import type { Value } from '../../core/result.js';
import { formatValue } from '../../output/format-value.js';

export interface DelimitedOptions {
  readonly format: 'csv' | 'text';
  readonly delimiter: string;
  readonly nullString: string;
  readonly quote: string;
}

export interface ParsedRecord {
  /** null: the NULL marker. */
  readonly fields: readonly (string | null)[];
  /** 1-based line where the record starts. */
  readonly line: number;
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Every record of the file; a record may span lines inside CSV quotes. */
export function parseDelimited(input: string, o: DelimitedOptions): ParsedRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const out: ParsedRecord[] = [];
  if (o.format === 'text') {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((raw, idx) => {
      const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (l === '\\.') return;
      const fields = l.split(o.delimiter).map((f) =>
        f === o.nullString ? null : f.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) =>
          TEXT_ESCAPES[e] ?? (e[0] === 'x' ? String.fromCharCode(parseInt(e.slice(1), 16)) : /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e),
        ),
      );
      out.push({ fields, line: idx + 1 });
    });
    return out;
  }
  const q = o.quote;
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const fields: (string | null)[] = [];
    for (;;) {
      let value = '';
      let quoted = false;
      if (text[i] === q) {
        quoted = true;
        i++;
        for (;;) {
          if (i >= text.length) break;
          const ch = text[i]!;
          if (ch === q) {
            if (text[i + 1] === q) {
              value += q;
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          value += ch;
          i++;
        }
      }
      while (i < text.length && text[i] !== o.delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      fields.push(!quoted && value === o.nullString ? null : value);
      if (text[i] === o.delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    out.push({ fields, line: startLine });
  }
  return out;
}

/** One output line (with '\n') for a row. */
export function formatDelimited(row: readonly Value[], o: DelimitedOptions): string {
  if (o.format === 'text') {
    return (
      row
        .map((v) =>
          v === null
            ? o.nullString
            : formatValue(v, o.nullString).replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')),
        )
        .join(o.delimiter) + '\n'
    );
  }
  const special = (t: string): boolean => t.includes(o.delimiter) || t.includes(o.quote) || t.includes('\n') || t.includes('\r') || t === o.nullString;
  return (
    row
      .map((v) => {
        if (v === null) return o.nullString;
        const t = formatValue(v, o.nullString);
        return special(t) ? o.quote + t.split(o.quote).join(o.quote + o.quote) + o.quote : t;
      })
      .join(o.delimiter) + '\n'
  );
}

/** The header line for column names. */
export function formatHeader(names: readonly string[], o: DelimitedOptions): string {
  return formatDelimited(names, { ...o, nullString: o.format === 'csv' ? '\u0000' : o.nullString });
}
