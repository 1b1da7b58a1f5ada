/**
 * psql's document formats, byte for byte as psql 15 writes them (`\pset format asciidoc | latex |
 * latex-longtable | troff-ms`): a table (or, expanded, one record after another) in the markup of
 * AsciiDoc, LaTeX's tabular or longtable, or troff's tbl with the ms macros. Border 0, 1 and 2 (3 for
 * the LaTeX ones) draw as psql draws them; the title, the header row and the `(N rows)` footer follow
 * tuples only and the footer option. Values are escaped as each markup needs (AsciiDoc `|`, LaTeX's
 * specials, troff's backslash); number columns are aligned right. Rows stream.
 */
import type { ColumnInfo, Row } from '../core/result.js';
import { formatValue, isNumericValue, NUMERIC_TYPE } from './format-value.js';
import { footerLines, type ResultSink, type ResultSummary, type TextOutput } from './sink.js';

export type DocumentFormat = 'asciidoc' | 'latex' | 'latex-longtable' | 'troff-ms';

export interface DocumentOptions {
  readonly format: DocumentFormat;
  readonly nullString: string;
  /** Header (and title) and footer: both off with tuples only. */
  readonly header: boolean;
  readonly footer: boolean;
  readonly expanded: boolean;
  readonly border: number;
  readonly title?: string;
  /** latex-longtable: psql's tableattr, the widths of the left-aligned columns (`0.2 0.3`: the last for the rest). */
  readonly tableAttr?: string;
  /** psql's own footer lines, in place of `(N rows)` (RenderOptions.footers); longtable writes none. */
  readonly footers?: readonly string[];
  readonly psqlBooleans?: boolean;
}

const asciidoc = (s: string): string => s.replace(/\|/g, '\\|');

const LATEX: Readonly<Record<string, string>> = {
  '#': '\\#', $: '\\$', '%': '\\%', '&': '\\&', '<': '\\textless{}', '>': '\\textgreater{}', '\\': '\\textbackslash{}',
  '^': '\\^{}', _: '\\_', '{': '\\{', '|': '\\textbar{}', '}': '\\}', '~': '\\~{}', '\n': '\\\\',
};
const latex = (s: string): string => s.replace(/[#$%&<>\\^_{|}~\n]/g, (c) => LATEX[c]!);

const troff = (s: string): string => s.replace(/\\/g, '\\(rs');

/** A value of spaces and tabs only (or nothing): psql's asciidoc writes no text for it. */
const blank = (s: string): boolean => /^[ \t]*$/.test(s);

export class DocumentSink implements ResultSink {
  private names: readonly string[] = [];
  private right: boolean[] = [];
  private typed: boolean[] = [];
  private record = 1;
  /** troff-ms expanded: which row format is in force (0 none yet, 1 the record title, 2 name / value). */
  private troffFormat = 0;
  private readonly border: number;

  constructor(
    private readonly out: TextOutput,
    private readonly o: DocumentOptions,
  ) {
    // border 3 (a rule under every row) is the LaTeX tables' own; their expanded records draw it as 2
    this.border = Math.max(0, Math.min((o.format === 'latex' || o.format === 'latex-longtable') && !o.expanded ? 3 : 2, o.border));
  }

  /** psql's alignment letter of column i: r for numbers. */
  private align(i: number, value?: Row[number]): 'l' | 'r' {
    return this.right[i] || (!this.typed[i] && value !== undefined && value !== null && isNumericValue(value)) ? 'r' : 'l';
  }

  private text(v: Row[number] | undefined): string {
    return formatValue(v ?? null, this.o.nullString, this.o.psqlBooleans);
  }

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.names = columns.map((c) => c.name);
    this.right = columns.map((c) => NUMERIC_TYPE.test(c.type));
    this.typed = columns.map((c) => c.type !== '' && c.type !== 'unknown');
    this.record = 1;
    this.troffFormat = 0;
    await this.out.write(this.o.expanded ? this.startRecords() : this.startTable());
  }

  private startTable(): string {
    const { o, border, names } = this;
    const title = o.header && o.title !== undefined ? o.title : undefined;
    const aligns = names.map((_, i) => this.align(i));
    switch (o.format) {
      case 'asciidoc': {
        let t = '\n';
        if (title !== undefined) t += `.${title}\n`;
        t += `[${o.header ? 'options="header",' : ''}cols="${aligns.map((a) => (a === 'r' ? '>l' : '<l')).join(',')}"`;
        t += border === 0 ? ',frame="none",grid="none"' : border === 1 ? ',frame="none"' : ',frame="all",grid="all"';
        t += ']\n|====\n';
        if (o.header) t += `${names.map((h) => `^l|${asciidoc(h)}`).join(' ')}\n`;
        return t;
      }
      case 'latex': {
        let t = '';
        if (title !== undefined) t += `\\begin{center}\n${latex(title)}\n\\end{center}\n\n`;
        t += `\\begin{tabular}{${border >= 2 ? '| ' : ''}${aligns.join(border !== 0 ? ' | ' : '')}${border >= 2 ? ' |' : ''}}\n`;
        if (o.header && border >= 2) t += '\\hline\n';
        if (o.header) t += `${names.map((h) => `\\textit{${latex(h)}}`).join(' & ')} \\\\\n\\hline\n`;
        return t;
      }
      case 'latex-longtable': {
        // with tableattr, each left-aligned column gets the next width of its list (the last one again when it runs out)
        const widths = o.tableAttr?.split(/\s+/).filter(Boolean) ?? [];
        let w = 0;
        const specs = widths.length === 0 ? aligns : aligns.map((a) => (a === 'r' ? a : `p{${widths[Math.min(w++, widths.length - 1)]}\\textwidth}`));
        let t = `\\begin{longtable}{${border >= 2 ? '| ' : ''}${specs.join(border !== 0 ? ' | ' : '')}${border >= 2 ? ' |' : ''}}\n`;
        if (o.header) {
          const heads = `${names.map((h) => `\\small\\textbf{\\textit{${latex(h)}}}`).join(' & ')} \\\\\n`;
          t += `${border >= 2 ? '\\toprule\n' : ''}${heads}\\midrule\n\\endfirsthead\n`;
          t += `${border >= 2 ? '\\toprule\n' : ''}${heads}${border !== 3 ? '\\midrule\n' : ''}\\endhead\n`;
          if (title !== undefined) {
            t += `${border === 2 ? '\\bottomrule\n' : ''}\\caption[${latex(title)} (Continued)]{${latex(title)}}\n\\endfoot\n`;
            t += `${border === 2 ? '\\bottomrule\n' : ''}\\caption[${latex(title)}]{${latex(title)}}\n\\endlastfoot\n`;
          } else if (border >= 2) {
            t += '\\bottomrule\n\\endfoot\n\\bottomrule\n\\endlastfoot\n';
          }
        }
        return t;
      }
      case 'troff-ms': {
        let t = '';
        if (title !== undefined) t += `.LP\n.DS C\n${troff(title)}\n.DE\n`;
        t += `.LP\n.TS\n${border === 2 ? 'center box;\n' : 'center;\n'}${aligns.join(border > 0 ? ' | ' : '')}.\n`;
        if (o.header) t += `${names.map((h) => `\\fI${troff(h)}\\fP`).join('\t')}\n_\n`;
        return t;
      }
    }
  }

  private startRecords(): string {
    const { o, border } = this;
    const title = o.header && o.title !== undefined ? o.title : undefined;
    switch (o.format) {
      case 'asciidoc':
        return `\n${title !== undefined ? `.${title}\n` : ''}[cols="h,l"${border === 0 ? ',frame="none",grid="none"' : border === 1 ? ',frame="none"' : ',frame="all",grid="all"'}]\n|====\n`;
      case 'latex':
      case 'latex-longtable':
        return `${title !== undefined ? `\\begin{center}\n${latex(title)}\n\\end{center}\n\n` : ''}\\begin{tabular}{${border === 0 ? 'cl' : border === 1 ? 'c|l' : '|c|l|'}}\n`;
      case 'troff-ms':
        return `${title !== undefined ? `.LP\n.DS C\n${troff(title)}\n.DE\n` : ''}.LP\n.TS\n${border === 2 ? 'center box;\n' : 'center;\n'}${o.header ? '' : 'c l;\n'}`;
    }
  }

  async rows(batch: readonly Row[]): Promise<void> {
    let t = '';
    for (const row of batch) t += this.o.expanded ? this.recordText(row) : this.rowText(row);
    if (t !== '') await this.out.write(t);
  }

  private rowText(row: Row): string {
    const { o, border, names } = this;
    const n = names.length;
    const cells = names.map((_, i) => this.text(row[i]));
    switch (o.format) {
      case 'asciidoc': {
        // an empty cell is written as one space, but not at the end of the row
        let t = '';
        cells.forEach((c, i) => {
          t += `${i > 0 ? ' ' : ''}|${blank(c) ? (i + 1 < n ? ' ' : '') : asciidoc(c)}`;
        });
        return `${t}\n`;
      }
      case 'latex':
        return `${cells.map(latex).join(' & ')} \\\\\n${border === 3 ? '\\hline\n' : ''}`;
      case 'latex-longtable':
        return `${cells.map((c) => `\\raggedright{${latex(c)}}`).join('\n&\n')} \\tabularnewline\n${border === 3 ? ' \\hline\n' : ''}`;
      case 'troff-ms':
        return `${cells.map(troff).join('\t')}\n`;
    }
  }

  private recordText(row: Row): string {
    const { o, border, names } = this;
    let t = '';
    switch (o.format) {
      case 'asciidoc':
        t += o.header ? `2+^|Record ${this.record++}\n` : '2+|\n';
        names.forEach((h, i) => {
          const c = this.text(row[i]);
          t += `<l|${asciidoc(h)} ${this.align(i, row[i]) === 'r' ? '>l' : '<l'}|${blank(c) ? ' ' : asciidoc(c)}\n`;
        });
        return t;
      case 'latex':
      case 'latex-longtable':
        if (o.header) {
          t += border === 2 ? `\\hline\n\\multicolumn{2}{|c|}{\\textit{Record ${this.record++}}} \\\\\n` : `\\multicolumn{2}{c}{\\textit{Record ${this.record++}}} \\\\\n`;
        }
        if (border >= 1) t += '\\hline\n';
        names.forEach((h, i) => {
          t += `${latex(h)} & ${latex(this.text(row[i]))} \\\\\n`;
        });
        return t;
      case 'troff-ms':
        names.forEach((h, i) => {
          if (i === 0) {
            if (o.header) {
              if (this.troffFormat !== 1) {
                if (border === 2 && this.record !== 1) t += '_\n';
                if (this.troffFormat !== 0) t += '.T&\n';
                t += 'c s.\n';
                this.troffFormat = 1;
              }
              t += `\\fIRecord ${this.record++}\\fP\n`;
            }
            if (border >= 1) t += '_\n';
          }
          if (o.header && this.troffFormat !== 2) {
            if (this.troffFormat !== 0) t += '.T&\n';
            t += border !== 1 ? 'c l.\n' : 'c | l.\n';
            this.troffFormat = 2;
          }
          t += `${troff(h)}\t${troff(this.text(row[i]))}\n`;
        });
        return t;
    }
  }

  async end(summary: ResultSummary): Promise<void> {
    const { o, border } = this;
    // the default footer, (N rows), is not printed under expanded records (psql's footers_with_default)
    const lines = footerLines(o, summary.rowCount, !o.expanded);
    const latexFooter = `\\noindent ${lines.map((l) => `${latex(l)} \\\\\n`).join('')}\n`;
    let t = '';
    switch (o.format) {
      case 'asciidoc':
        t += '|====\n';
        if (lines.length > 0) t += `\n....\n${lines.join('\n')}\n....\n`;
        break;
      case 'latex':
        t += `${border === 2 ? '\\hline\n' : ''}\\end{tabular}\n\n${latexFooter}`;
        break;
      case 'latex-longtable':
        // (psql's longtable writes no footer under its table; its expanded records are latex's)
        t += o.expanded ? `${border === 2 ? '\\hline\n' : ''}\\end{tabular}\n\n${latexFooter}` : '\\end{longtable}\n';
        break;
      case 'troff-ms':
        t += `.TE\n.DS L\n${lines.map((l) => `${troff(l)}\n`).join('')}.DE\n`;
        break;
    }
    await this.out.write(t);
  }
}
