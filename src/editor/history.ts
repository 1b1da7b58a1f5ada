/**
 * Persistent input history. File format: JSON Lines, one entry a line, so multi-line entries stay
 * whole and no separator is ambiguous: {"text":"select 1;","db":"sqlite:/home/a/demo.db"} records
 * the database the entry was typed on (its printable URL, never a password); a plain JSON string
 * (older files) is an entry of no known database. A line that is not valid JSON is read as plain
 * text (hand-edited files). The file is created with mode 0600, appended to on each entry, and
 * compacted to `maxEntries` when it grows past a margin. Consecutive duplicates are not stored.
 *
 * One file serves every database. `database` (set by the shell) scopes what is offered: `here`
 * (Up/Down) holds the entries of the current database and those of no known database; suggest()
 * prefers them; `entries` is everything (Ctrl-R can widen or narrow, see commands/search.ts).
 */
import { appendFileSync, chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileErrorReason } from '../core/file-reason.js';
import { makeDirectory } from '../core/make-directory.js';

export interface HistoryOptions {
  readonly maxEntries?: number;
}

export interface HistoryEntry {
  readonly text: string;
  /** The database it was typed on (a printable URL), undefined for entries from older files. */
  readonly db?: string;
}

export class History {
  private list: readonly HistoryEntry[];
  private texts: readonly string[] | undefined;
  private local: readonly string[] | undefined;
  private current: string | undefined;
  private readonly file: string | undefined;
  private readonly max: number;
  private fileLines: number;
  /** Why the history file is not used, in words (undefined when it is). */
  problem: string | undefined;

  private constructor(entries: readonly HistoryEntry[], file: string | undefined, max: number, fileLines: number) {
    this.list = Object.freeze(entries.slice(-max));
    this.file = file;
    this.max = max;
    this.fileLines = fileLines;
  }

  /** A history that lives only in memory (tests, non-interactive use). */
  static inMemory(entries: readonly (string | HistoryEntry)[] = [], opts: HistoryOptions = {}): History {
    const list = entries.map((e) => (typeof e === 'string' ? Object.freeze({ text: e }) : Object.freeze({ ...e })));
    return new History(list, undefined, opts.maxEntries ?? 5000, 0);
  }

  /**
   * Read `file` (a missing file is an empty history); later adds append to it. A file that cannot be
   * read (a directory, no permission, HOME is a file) gives a history kept in memory only, with
   * `problem` saying why in words: history is a convenience and never stops the shell.
   */
  static load(file: string, opts: HistoryOptions = {}): History {
    let raw = '';
    try {
      raw = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        const h = History.inMemory([], opts);
        h.problem = `cannot read the history file ${JSON.stringify(file)}: ${fileErrorReason(e)}; history is kept for this session only`;
        return h;
      }
    }
    const lines = raw.split('\n').filter((l) => l !== '');
    const entries: HistoryEntry[] = [];
    for (const line of lines) {
      const e = parseLine(line);
      const last = entries[entries.length - 1];
      if (e.text !== '' && !(last && last.text === e.text && last.db === e.db)) entries.push(e);
    }
    return new History(entries, file, opts.maxEntries ?? 5000, lines.length);
  }

  /** The database new entries are recorded with and `here` is scoped to (a printable URL). */
  get database(): string | undefined {
    return this.current;
  }

  set database(db: string | undefined) {
    if (db === this.current) return;
    this.current = db;
    this.local = undefined;
  }

  /** Every entry's text, oldest first, whatever database it was typed on. */
  get entries(): readonly string[] {
    return (this.texts ??= Object.freeze(this.list.map((e) => e.text)));
  }

  /** Texts typed on the current database (and those of no known database), oldest first. */
  get here(): readonly string[] {
    if (this.current === undefined) return this.entries;
    return (this.local ??= Object.freeze(this.list.filter((e) => this.isHere(e)).map((e) => e.text)));
  }

  private isHere(e: HistoryEntry): boolean {
    return this.current === undefined || e.db === undefined || e.db === this.current;
  }

  add(input: string): void {
    const text = input.replace(/^\s*\n|\s+$/g, '');
    const last = this.list[this.list.length - 1];
    if (text.trim() === '' || (last && last.text === text && last.db === this.current)) return;
    const entry: HistoryEntry = Object.freeze(this.current === undefined ? { text } : { text, db: this.current });
    this.list = Object.freeze([...this.list.slice(-(this.max - 1)), entry]);
    this.texts = undefined;
    this.local = undefined;
    if (!this.file) return;
    try {
      makeDirectory(dirname(this.file));
      if (this.fileLines + 1 > this.max + Math.max(50, this.max / 5)) {
        writeFileSync(this.file, this.list.map((e) => entryLine(e)).join(''), { mode: 0o600 });
        this.fileLines = this.list.length;
      } else {
        appendFileSync(this.file, entryLine(entry), { mode: 0o600 });
        this.fileLines++;
      }
      chmodSync(this.file, 0o600);
    } catch {
      // History is a convenience: a read-only or full disk must not break the shell.
    }
  }

  /** Index of the newest entry at or before `from` containing `query` (case-insensitive), or -1. */
  search(query: string, from: number = this.list.length - 1): number {
    const q = query.toLowerCase();
    const texts = this.entries;
    for (let i = Math.min(from, texts.length - 1); i >= 0; i--) if (texts[i]!.toLowerCase().includes(q)) return i;
    return -1;
  }

  /**
   * The rest of the newest entry that starts with `prefix` (fish-style suggestion), if any: an entry
   * typed on the current database first, else one typed on another.
   */
  suggest(prefix: string): string | undefined {
    if (prefix.trim() === '') return undefined;
    let other: string | undefined;
    for (let i = this.list.length - 1; i >= 0; i--) {
      const e = this.list[i]!;
      if (e.text.length > prefix.length && e.text.startsWith(prefix)) {
        if (this.isHere(e)) return e.text.slice(prefix.length);
        other ??= e.text.slice(prefix.length);
      }
    }
    return other;
  }
}

function entryLine(e: HistoryEntry): string {
  return (e.db === undefined ? JSON.stringify(e.text) : JSON.stringify({ text: e.text, db: e.db })) + '\n';
}

function parseLine(line: string): HistoryEntry {
  if (line.startsWith('"') || line.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v === 'string') return { text: v };
      if (v && typeof v === 'object' && typeof (v as HistoryEntry).text === 'string') {
        const { text, db } = v as HistoryEntry;
        return Object.freeze(typeof db === 'string' ? { text, db } : { text });
      }
    } catch {
      // fall through: plain text
    }
  }
  return Object.freeze({ text: line });
}
