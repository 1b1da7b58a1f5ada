/**
 * json and jsonl to a file or pipe (ExecuteOptions.json) without row objects: the DataRow messages
 * taken off the socket (DataRowTap, postgres-raw-rows.ts) become the objects the json and jsonl sinks
 * write (output/json-sink.ts, jsonl-sink.ts), byte for byte: each value is what jsonValue
 * (output/json-value.ts) writes for what pgTextParser (postgres-values.ts) makes of the server's text.
 *
 *   NULL -> null; bool -> true/false; int2/int4/int8/oid -> the digits; float4/float8 -> the server's
 *   digits when they are JavaScript's, else JSON.stringify(Number(text)) (NaN/Infinity as strings, -0);
 *   numeric -> the digits (NaN/Infinity as strings); json/jsonb -> the text (compacted when it has a
 *   line break); bytea -> "\\x..." hex; everything else (text, dates, uuid, arrays, money ...) -> a
 *   JSON string, escaped as JSON.stringify escapes it. Text that is not valid UTF-8 (a SQL_ASCII
 *   database) goes through the decoder as pg would decode it.
 */
import { JsonRowBytes } from '../../output/json-row-bytes.js';
import { bytesToHex } from '../../output/format-value.js';
import type { PgFieldDesc } from './postgres-driver.js';
import { parseBytea } from './postgres-values.js';

const enum Kind {
  String,
  Bool,
  Int,
  Float,
  Numeric,
  Json,
  Bytea,
}

function kindOf(oid: number): Kind {
  switch (oid) {
    case 16:
      return Kind.Bool;
    case 17:
      return Kind.Bytea;
    case 20:
    case 21:
    case 23:
    case 26:
      return Kind.Int;
    case 700:
    case 701:
      return Kind.Float;
    case 1700:
      return Kind.Numeric;
    case 114:
    case 3802:
      return Kind.Json;
    default:
      return Kind.String;
  }
}

/** DataRow message bodies to the json sink's or the jsonl sink's objects, as UTF-8 bytes (output/json-row-bytes.ts). */
export class PgJsonWriter extends JsonRowBytes {
  private kinds: Kind[] = [];

  setFields(fields: readonly PgFieldDesc[]): void {
    this.kinds = fields.map((f) => kindOf(f.dataTypeID));
    this.setColumns(fields.map((f) => f.name));
  }

  /** One DataRow's body, buf[s, e): int16 count, then per value int32 length (-1: NULL) and the bytes. */
  row(buf: Buffer, s: number, _e: number): void {
    const n = buf.readInt16BE(s);
    let p = s + 2;
    this.startRow();
    if (n === 0) this.ascii('{'); // no columns: `{}`, as the ordinary path writes each row (the first key holds the `{`)
    for (let i = 0; i < n; i++) {
      this.key(i);
      const len = buf.readInt32BE(p);
      p += 4;
      if (len < 0) {
        this.ascii('null');
        continue;
      }
      const vs = p;
      p += len;
      switch (this.kinds[i]) {
        case Kind.Bool:
          this.ascii(buf[vs] === 0x74 ? 'true' : 'false');
          break;
        case Kind.Int:
          this.bytes(buf, vs, p);
          break;
        case Kind.Float:
          this.float(buf, vs, p);
          break;
        case Kind.Numeric:
          this.decimal(buf, vs, p); // NaN, Infinity, -Infinity as strings
          break;
        case Kind.Json:
          this.json(buf, vs, p);
          break;
        case Kind.Bytea: {
          const text = buf.toString('latin1', vs, p);
          this.ascii(JSON.stringify(text.startsWith('\\x') ? text : bytesToHex(parseBytea(text))));
          break;
        }
        default:
          this.string(buf, vs, p);
      }
    }
    this.endRow();
  }
}
