/** Vi normal mode: counts, motions, operators (d c y) and the common one-key commands. */
import { Document } from '../document.js';
import { edit, update, type EditorState } from '../editor-state.js';
import type { Command, CommandContext, CommandResult } from './command.js';
import { acceptOrNewline } from './editing.js';
import { historyNewer, historyOlder } from './motion.js';
import { search } from './search.js';

interface Target {
  readonly to: number;
  readonly inclusive?: boolean;
  readonly linewise?: boolean;
}

type Parsed =
  | 'incomplete'
  | 'invalid'
  | { readonly count: number; readonly op?: string; readonly cmd: string; readonly arg?: string };

const MOTIONS = 'hlwbeWBE0^$jkfFtT';
const NEEDS_ARG = 'fFtTr';
/** '/' and '?' search the history (as Ctrl-R does): the buffer holds one statement, not a file to search. */
const SIMPLE = 'xXDCsSaAiIoOpPurv~/?';

/** Parse the keys typed so far in normal mode, e.g. '3dw', 'd2e', 'dd', 'fx', 'rZ'. */
export function parseVi(keys: readonly string[]): Parsed {
  let i = 0;
  let count = '';
  while (i < keys.length && /^[0-9]$/.test(keys[i]!) && !(count === '' && keys[i] === '0')) count += keys[i++];
  if (i >= keys.length) return 'incomplete';
  let op: string | undefined;
  if ('dcy'.includes(keys[i]!) && keys[i]!.length === 1) {
    op = keys[i++];
    let count2 = '';
    while (i < keys.length && /^[0-9]$/.test(keys[i]!) && !(count2 === '' && keys[i] === '0')) count2 += keys[i++];
    if (count2) count = String((Number(count) || 1) * Number(count2));
    if (i >= keys.length) return 'incomplete';
  }
  const cmd = keys[i++]!;
  const n = Number(count) || 1;
  if (op && cmd === op) return i === keys.length ? { count: n, op, cmd: 'line' } : 'invalid';
  const known = cmd.length === 1 && (MOTIONS.includes(cmd) || (!op && SIMPLE.includes(cmd)));
  if (!known) return 'invalid';
  if (NEEDS_ARG.includes(cmd)) {
    if (i >= keys.length) return 'incomplete';
    return i + 1 === keys.length ? { count: n, ...(op ? { op } : {}), cmd, arg: keys[i]! } : 'invalid';
  }
  return i === keys.length ? { count: n, ...(op ? { op } : {}), cmd } : 'invalid';
}

function repeat(n: number, from: number, f: (at: number) => number): number {
  let at = from;
  for (let k = 0; k < n; k++) at = f(at);
  return at;
}

function findInLine(d: Document, ch: string, n: number, forward: boolean): number | undefined {
  let at = d.cursor;
  for (let k = 0; k < n; k++) {
    const i = forward ? d.text.indexOf(ch, at + 1) : d.text.lastIndexOf(ch, at - 1);
    if (i < 0 || i < d.lineStart() || i > d.lineEnd()) return undefined;
    at = i;
  }
  return at;
}

export function viMotion(d: Document, cmd: string, n: number, arg?: string, op?: string): Target | undefined {
  const c = d.cursor;
  switch (cmd) {
    case 'h': return { to: Math.max(d.lineStart(), c - n) };
    case 'l': return { to: Math.min(d.lineEnd(), c + n) };
    case 'w': case 'W':
      // `cw` changes to the end of the word, like `ce`.
      if (op === 'c' && d.text[c] !== undefined && !/\s/.test(d.text[c]!)) return { to: repeat(n, c - 1, (a) => d.viWordEnd(a)), inclusive: true };
      return { to: Math.min(repeat(n, c, (a) => d.nextWordStart(a)), op ? d.lineEnd() : d.text.length) };
    case 'e': case 'E': return { to: repeat(n, c, (a) => d.viWordEnd(a)), inclusive: true };
    case 'b': case 'B': return { to: repeat(n, c, (a) => d.prevWordStart(a)) };
    case '0': return { to: d.lineStart() };
    case '^': return { to: d.firstNonBlank() };
    case '$': return { to: d.lineEnd(), inclusive: false };
    case 'j': case 'k': {
      const row = d.row + (cmd === 'j' ? n : -n);
      if (row < 0 || row >= d.lineCount) return undefined;
      return { to: d.offsetOf(row, d.col), linewise: true };
    }
    case 'f': case 't': {
      const i = findInLine(d, arg!, n, true);
      return i === undefined ? undefined : { to: cmd === 't' ? i - 1 : i, inclusive: true };
    }
    case 'F': case 'T': {
      const i = findInLine(d, arg!, n, false);
      return i === undefined ? undefined : { to: cmd === 'T' ? i + 1 : i };
    }
  }
  return undefined;
}

/** In normal mode the cursor sits on a character, never past the end of a non-empty line. */
export function clampNormal(d: Document): Document {
  const end = d.lineEnd();
  return d.cursor === end && end > d.lineStart() ? d.withCursor(end - 1) : d;
}

function toInsert(s: EditorState, doc: Document): EditorState {
  return update(edit(s, doc), { mode: 'vi-insert' });
}

function register(s: EditorState, text: string): EditorState {
  return update(s, { killRing: Object.freeze([...s.killRing.slice(-19), text]) });
}

function lineRange(d: Document, fromRow: number, toRow: number): { start: number; end: number } {
  const start = d.offsetOf(fromRow, 0);
  const end = d.lineEnd(d.offsetOf(toRow, 0));
  return { start, end };
}

function operate(s: EditorState, op: string, start: number, end: number, linewise: boolean): EditorState {
  const d = s.doc;
  const t = d.text;
  let text = t.slice(start, end);
  if (linewise) text += '\n';
  if (op === 'y') return register(s, text);
  let from = start;
  let to = end;
  if (linewise && op === 'd') {
    if (to < t.length) to++;
    else if (from > 0) from--;
  }
  const next = register(s, text);
  const doc = new Document(t.slice(0, from) + t.slice(to), from);
  if (op === 'c') return toInsert(next, doc);
  const after = linewise ? doc.withCursor(doc.firstNonBlank(Math.min(from === start ? from : from + 1, doc.text.length))) : doc;
  return edit(next, clampNormal(after));
}

function simple(s: EditorState, cmd: string, n: number, arg: string | undefined, ctx: CommandContext): CommandResult {
  const d = s.doc;
  const c = d.cursor;
  switch (cmd) {
    case 'x': return operate(s, 'd', c, Math.min(d.lineEnd(), c + n), false);
    case 'X': return operate(s, 'd', Math.max(d.lineStart(), c - n), c, false);
    case 'D': return operate(s, 'd', c, d.lineEnd(), false);
    case 'C': return operate(s, 'c', c, d.lineEnd(), false);
    case 's': return operate(s, 'c', c, Math.min(d.lineEnd(), c + n), false);
    case 'S': { const r = lineRange(d, d.row, d.row); return operate(s, 'c', r.start, r.end, false); }
    case 'i': return update(s, { mode: 'vi-insert' });
    case 'a': return update(s, { mode: 'vi-insert', doc: d.withCursor(Math.min(c + 1, d.lineEnd())) });
    case 'A': return update(s, { mode: 'vi-insert', doc: d.withCursor(d.lineEnd()) });
    case 'I': return update(s, { mode: 'vi-insert', doc: d.withCursor(d.firstNonBlank()) });
    case 'o': return toInsert(s, d.withCursor(d.lineEnd()).insert('\n'));
    case 'O': { const at = d.lineStart(); return toInsert(s, d.replace(at, at, '\n').withCursor(at)); }
    case 'p': case 'P': {
      const reg = s.killRing[s.killRing.length - 1];
      if (reg === undefined) return s;
      const body = reg.repeat(n);
      if (reg.endsWith('\n')) {
        const lines = body.slice(0, -1);
        if (cmd === 'p') { const at = d.lineEnd(); return edit(s, d.replace(at, at, '\n' + lines).withCursor(at + 1)); }
        const at = d.lineStart();
        return edit(s, d.replace(at, at, lines + '\n').withCursor(at));
      }
      const at = cmd === 'p' && c < d.lineEnd() ? c + 1 : c;
      return edit(s, clampNormal(d.replace(at, at, body).withCursor(at + body.length - 1)));
    }
    case 'u': {
      const prev = s.undo[s.undo.length - 1];
      return prev ? update(s, { doc: clampNormal(prev), undo: Object.freeze(s.undo.slice(0, -1)) }) : s;
    }
    case 'r': {
      if (c + n > d.lineEnd()) return s;
      return edit(s, new Document(d.text.slice(0, c) + arg!.repeat(n) + d.text.slice(c + n), c + n - 1));
    }
    case '~': {
      const end = Math.min(d.lineEnd(), c + n);
      const seg = [...d.text.slice(c, end)].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
      return edit(s, clampNormal(new Document(d.text.slice(0, c) + seg + d.text.slice(end), end)));
    }
    case 'v': return { state: s, effect: { type: 'open-editor' } };
    case '/': case '?': return search['search-start']!(s, { key: cmd, text: cmd }, ctx);
  }
  return s;
}

function run(s: EditorState, p: Exclude<Parsed, 'incomplete' | 'invalid'>, ctx: CommandContext): CommandResult {
  const d = s.doc;
  if (p.cmd === 'line' && p.op) {
    const last = Math.min(d.lineCount - 1, d.row + p.count - 1);
    const r = lineRange(d, d.row, last);
    return operate(s, p.op, r.start, r.end, p.op !== 'c');
  }
  if (!MOTIONS.includes(p.cmd)) return simple(s, p.cmd, p.count, p.arg, ctx);
  const t = viMotion(d, p.cmd, p.count, p.arg, p.op);
  if (!t) {
    if (!p.op && (p.cmd === 'j' || p.cmd === 'k')) {
      const h = p.cmd === 'k' ? historyOlder(s, ctx) : historyNewer(s, ctx);
      return update(h, { doc: clampNormal(h.doc.withCursor(h.doc.lineStart())) });
    }
    return s;
  }
  if (!p.op) return update(s, { doc: clampNormal(d.withCursor(t.to)) });
  if (t.linewise) {
    const a = Math.min(d.row, new Document(d.text, t.to).row);
    const b = Math.max(d.row, new Document(d.text, t.to).row);
    const r = lineRange(d, a, b);
    return operate(s, p.op, r.start, r.end, p.op !== 'c');
  }
  const start = Math.min(d.cursor, t.to);
  const end = Math.max(d.cursor, t.to) + (t.inclusive ? 1 : 0);
  return operate(s, p.op, start, Math.min(end, d.text.length), false);
}

/** Handle one key in vi normal mode (the pending keys are kept in the state). */
export const viNormalKey: Command = (s, k, ctx) => {
  if (k.key === 'escape') return update(s, { viPending: '' });
  if (k.key === 'enter' || k.key === 'c-j') return acceptOrNewline(update(s, { viPending: '' }), ctx);
  const ch = k.text ?? (k.key === 'space' ? ' ' : undefined);
  if (ch === undefined) return s;
  const keys = [...s.viPending.split('\u0000').filter((x) => x !== ''), ch];
  const p = parseVi(keys);
  if (p === 'incomplete') return update(s, { viPending: keys.join('\u0000') });
  const cleared = update(s, { viPending: '' });
  return p === 'invalid' ? cleared : run(cleared, p, ctx);
};

export const vi: Record<string, Command> = {
  'vi-normal-mode': (s) => {
    const d = s.doc;
    const back = d.cursor > d.lineStart() ? d.cursor - 1 : d.cursor;
    return update(s, { mode: 'vi-normal', doc: d.withCursor(back), viPending: '', menu: undefined });
  },
};
