/**
 * The output side of the writers that turn a server's row bytes straight into output bytes, with
 * no row objects (engines/postgres/postgres-raw-rows.ts and postgres-raw-json.ts,
 * engines/mysql/mysql-raw-rows.ts): a buffer that grows as a row needs, handed out in pieces of
 * whole rows of about FLUSH_AT bytes (take()). With `reuse`, a piece's buffer is filled again once
 * its consumer has copied it (release(); the aligned table copies COPY text at once); without, each
 * piece is a buffer of its own (an output stream may keep it a while).
 */
export const FLUSH_AT = 1 << 16;

const TAB = 0x09, LF = 0x0a, CR = 0x0d, BACKSLASH = 0x5c;

export class RowBytes {
  protected out: Buffer = Buffer.allocUnsafe(FLUSH_AT + 4096);
  protected pos = 0;
  /** Buffers handed out (oldest first) and buffers to fill again (reuse only). */
  private readonly lent: Buffer[] = [];
  private readonly free: Buffer[] = [];

  constructor(private readonly reuse: boolean) {}

  /** Bytes gathered and not yet taken. */
  get size(): number {
    return this.pos;
  }

  /** Whole rows gathered, once there are enough of them (or any, when force). */
  take(force = false): Buffer | undefined {
    if (this.pos === 0 || (!force && this.pos < FLUSH_AT)) return undefined;
    const done = this.out.subarray(0, this.pos);
    if (this.reuse) this.lent.push(this.out);
    this.out = this.free.pop() ?? Buffer.allocUnsafe(FLUSH_AT + 4096);
    this.pos = 0;
    return done;
  }

  /** The oldest bytes taken were read (the consumer copied them): their buffer is filled again. */
  release(): void {
    const b = this.lent.shift();
    if (b && this.free.length < 4) this.free.push(b);
  }

  protected reserve(bytes: number): void {
    if (this.pos + bytes <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.pos + bytes + 4096));
    this.out.copy(bigger, 0, 0, this.pos);
    this.out = bigger;
  }

  /** Text of single-byte characters (digits, true/false, hex). */
  protected ascii(text: string): void {
    const n = text.length;
    this.reserve(n);
    if (n > 16) {
      this.pos += this.out.write(text, this.pos, 'latin1');
      return;
    }
    // a few characters (a separator, a digit run): a loop, cheaper than Buffer#write's call per value
    const out = this.out;
    let pos = this.pos;
    for (let i = 0; i < n; i++) out[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Bytes as they are. */
  protected bytes(from: Buffer, s: number, e: number): void {
    this.reserve(e - s);
    const out = this.out;
    if (e - s > 32) this.pos += from.copy(out, this.pos, s, e);
    else {
      let pos = this.pos;
      for (let k = s; k < e; k++) out[pos++] = from[k]!;
      this.pos = pos;
    }
  }

  /**
   * A value's bytes with tab, newline and backslash escaped as COPY text escapes them; with `cr`,
   * carriage return too (\\r: sqlsh's tsv).
   */
  protected copyEscaped(buf: Buffer, s: number, e: number, cr = false): void {
    // one pass: each byte copied as it is looked at (most are neither a control character nor '\\')
    this.reserve((e - s) * 2);
    const out = this.out;
    let pos = this.pos;
    for (let k = s; k < e; k++) {
      const c = buf[k]!;
      if ((c <= CR && (c === TAB || c === LF || (c === CR && cr))) || c === BACKSLASH) {
        out[pos++] = BACKSLASH;
        out[pos++] = c === TAB ? 0x74 : c === LF ? 0x6e : c === CR ? 0x72 : BACKSLASH;
      } else out[pos++] = c;
    }
    this.pos = pos;
  }

}
