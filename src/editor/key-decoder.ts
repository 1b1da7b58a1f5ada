/**
 * Bytes from a terminal -> KeyPress values. Handles CSI/SS3 escape sequences (also split across
 * chunks), Alt as an ESC prefix, a lone Esc (resolved by `flush()` after a short timeout), UTF-8
 * split across chunks, and bracketed paste delivered as one 'paste' key.
 */
import { StringDecoder } from 'node:string_decoder';
import { keyPress, type KeyPress } from './key-press.js';

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

const CSI_LETTER: Readonly<Record<string, string>> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 's-tab',
  P: 'f1', Q: 'f2', R: 'f3', S: 'f4',
};

const CSI_TILDE: Readonly<Record<string, string>> = {
  '1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pageup', '6': 'pagedown', '7': 'home', '8': 'end',
  '11': 'f1', '12': 'f2', '13': 'f3', '14': 'f4', '15': 'f5', '17': 'f6', '18': 'f7', '19': 'f8',
  '20': 'f9', '21': 'f10', '23': 'f11', '24': 'f12',
};

function controlKey(code: number): string {
  switch (code) {
    case 0x0d: return 'enter';
    case 0x0a: return 'c-j';
    case 0x09: return 'tab';
    case 0x7f: case 0x08: return 'backspace';
    case 0x00: return 'c-space';
    case 0x1b: return 'escape';
    case 0x1c: return 'c-\\';
    case 0x1d: return 'c-]';
    case 0x1e: return 'c-^';
    case 0x1f: return 'c-_';
  }
  return 'c-' + String.fromCharCode(code + 0x60);
}

/** Modifier prefix from the xterm parameter (2 shift, 3 alt, 5 ctrl, ...). */
function withModifiers(name: string, mod: number): string {
  if (!mod || mod === 1) return name;
  const m = mod - 1;
  let p = '';
  if (m & 4) p += 'c-';
  if (m & 2) p += 'm-';
  if (m & 1) p += 's-';
  return p + name;
}

/** Decode one CSI sequence body (after ESC [) ending with `final`. */
function decodeCsi(params: string, final: string): string {
  const parts = params.split(';');
  const mod = Number(parts[1] ?? 0);
  if (final === '~') {
    const name = CSI_TILDE[parts[0]!];
    return name ? withModifiers(name, mod) : 'unknown';
  }
  const name = CSI_LETTER[final];
  return name ? withModifiers(name, mod) : 'unknown';
}

export class KeyDecoder {
  private readonly utf8 = new StringDecoder('utf8');
  private pending = '';
  private paste: string | undefined;

  /** True when a lone ESC (or an incomplete sequence) waits: call flush() after a timeout. */
  get hasPending(): boolean {
    return this.pending !== '' && this.paste === undefined;
  }

  feed(chunk: Buffer | string): KeyPress[] {
    this.pending += typeof chunk === 'string' ? chunk : this.utf8.write(chunk);
    return this.drain(false);
  }

  /** The Esc timeout expired: what is pending is a lone Esc (or Alt+something incomplete). */
  flush(): KeyPress[] {
    return this.drain(true);
  }

  private drain(final: boolean): KeyPress[] {
    const out: KeyPress[] = [];
    let s = this.pending;
    let i = 0;
    while (i < s.length) {
      if (this.paste !== undefined) {
        const end = s.indexOf(PASTE_END, i);
        if (end < 0) {
          // Keep a possible partial end marker for the next chunk.
          let keep = 0;
          for (let k = Math.min(PASTE_END.length - 1, s.length - i); k > 0; k--) {
            if (PASTE_END.startsWith(s.slice(s.length - k))) { keep = k; break; }
          }
          this.paste += s.slice(i, s.length - keep);
          i = s.length - keep;
          break;
        }
        this.paste += s.slice(i, end);
        out.push(keyPress('paste', this.paste));
        this.paste = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const ch = s[i]!;
      const code = ch.charCodeAt(0);
      if (code === 0x1b) {
        const r = this.escape(s, i, final);
        if (r === undefined) break; // incomplete: wait for more
        if (r.key) out.push(r.key);
        i = r.next;
        continue;
      }
      if (code < 0x20 || code === 0x7f) {
        out.push(keyPress(controlKey(code)));
        i++;
        continue;
      }
      const cp = s.codePointAt(i)!;
      const c = String.fromCodePoint(cp);
      out.push(keyPress(c === ' ' ? 'space' : c, c));
      i += c.length;
    }
    s = s.slice(i);
    this.pending = s;
    return out;
  }

  /** Decode an escape at s[i]; undefined when more input is needed to decide. */
  private escape(s: string, i: number, final: boolean): { key?: KeyPress; next: number } | undefined {
    const next = s[i + 1];
    if (next === undefined) return final ? { key: keyPress('escape'), next: i + 1 } : undefined;
    if (next === '[' || next === 'O') {
      if (s.startsWith(PASTE_START, i)) {
        this.paste = '';
        return { next: i + PASTE_START.length };
      }
      if (PASTE_START.startsWith(s.slice(i)) && !final) return undefined;
      let j = i + 2;
      while (j < s.length && /[0-9;?<>=]/.test(s[j]!)) j++;
      if (j >= s.length) return final ? { key: keyPress(next === '[' ? 'm-[' : 'm-O'), next: i + 2 } : undefined;
      const fin = s[j]!;
      if (next === 'O') return { key: keyPress(withModifiers(CSI_LETTER[fin] ?? 'unknown', Number(s.slice(i + 2, j).split(';')[1] ?? 0))), next: j + 1 };
      // rxvt-style F1-F5 of the Linux console: ESC [ [ A..E
      if (fin === '[' && j + 1 < s.length) return { key: keyPress('f' + (s.charCodeAt(j + 1) - 64)), next: j + 2 };
      const params = s.slice(i + 2, j);
      // A cursor position report (reply to ESC [ 6 n): 'row;col', 1-based.
      if (fin === 'R' && /^\d+;\d+$/.test(params)) return { key: keyPress('cpr', params), next: j + 1 };
      // Secondary device attributes (reply to ESC [ > c): '>kind;version;...'.
      if (fin === 'c' && params.startsWith('>')) return { key: keyPress('da2', params.slice(1)), next: j + 1 };
      return { key: keyPress(decodeCsi(params, fin)), next: j + 1 };
    }
    if (next === '\x1b') {
      // ESC ESC: one Esc, then look at the second on its own.
      return { key: keyPress('escape'), next: i + 1 };
    }
    const code = next.charCodeAt(0);
    if (code === 0x0d || code === 0x0a) return { key: keyPress('m-enter'), next: i + 2 };
    if (code === 0x7f || code === 0x08) return { key: keyPress('m-backspace'), next: i + 2 };
    // ESC + another control key: almost always Esc pressed just before it (Alt+Ctrl is rare).
    if (code < 0x20) return { key: keyPress('escape'), next: i + 1 };
    const c = String.fromCodePoint(s.codePointAt(i + 1)!);
    return { key: keyPress('m-' + c), next: i + 1 + c.length };
  }
}
