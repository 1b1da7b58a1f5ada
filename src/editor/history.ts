/**
 * Persistent input history. File format: one JSON string per line (JSON Lines), so multi-line
 * entries stay whole and no separator is ambiguous. The file is created with mode 0600, appended
 * to on each entry, and compacted to `maxEntries` when it grows past a margin. Consecutive
 * duplicates are not stored. A line that is not valid JSON is read as plain text (hand-edited files).
 */
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileErrorReason } from '../core/file-reason.js';

export interface HistoryOptions {
  readonly maxEntries?: number;
}

export class History {
  private list: readonly string[];
  private readonly file: string | undefined;
  private readonly max: number;
  private fileLines: number;
  /** Why the history file is not used, in words (undefined when it is). */
  problem: string | undefined;

  private constructor(entries: readonly string[], file: string | undefined, max: number, fileLines: number) {
    this.list = Object.freeze(entries.slice(-max));
    this.file = file;
    this.max = max;
    this.fileLines = fileLines;
  }

  /** A history that lives only in memory (tests, non-interactive use). */
  static inMemory(entries: readonly string[] = [], opts: HistoryOptions = {}): History {
    return new History(entries, undefined, opts.maxEntries ?? 5000, 0);
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
    const entries: string[] = [];
    for (const line of lines) {
      const text = parseLine(line);
      if (text !== '' && entries[entries.length - 1] !== text) entries.push(text);
    }
    return new History(entries, file, opts.maxEntries ?? 5000, lines.length);
  }

  /** Entries, oldest first. */
  get entries(): readonly string[] {
    return this.list;
  }

  add(input: string): void {
    const text = input.replace(/^\s*\n|\s+$/g, '');
    if (text.trim() === '' || this.list[this.list.length - 1] === text) return;
    this.list = Object.freeze([...this.list.slice(-(this.max - 1)), text]);
    if (!this.file) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      if (this.fileLines + 1 > this.max + Math.max(50, this.max / 5)) {
        writeFileSync(this.file, this.list.map((e) => JSON.stringify(e) + '\n').join(''), { mode: 0o600 });
        this.fileLines = this.list.length;
      } else {
        appendFileSync(this.file, JSON.stringify(text) + '\n', { mode: 0o600 });
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
    for (let i = Math.min(from, this.list.length - 1); i >= 0; i--) if (this.list[i]!.toLowerCase().includes(q)) return i;
    return -1;
  }

  /** The rest of the newest entry that starts with `prefix` (fish-style suggestion), if any. */
  suggest(prefix: string): string | undefined {
    if (prefix.trim() === '') return undefined;
    for (let i = this.list.length - 1; i >= 0; i--) {
      const e = this.list[i]!;
      if (e.length > prefix.length && e.startsWith(prefix)) return e.slice(prefix.length);
    }
    return undefined;
  }
}

function parseLine(line: string): string {
  if (line.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v === 'string') return v;
    } catch {
      // fall through: plain text
    }
  }
  return line;
}
