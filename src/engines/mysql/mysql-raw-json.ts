/**
 * MariaDB/MySQL json and jsonl to a file or pipe (ExecuteOptions.json) without row objects: the
 * text protocol's row packets become the objects the json and jsonl sinks write, byte for byte
 * (output/json-row-bytes.ts), each value what jsonValue (output/json-value.ts) writes for what
 * mysql-values.ts makes of it: integers -> the server's digits; DECIMAL -> its digits (a JSON
 * number); FLOAT/DOUBLE -> the server's text (1e300, 0.0000001: a JSON number, as the ordinary path);
 * JSON -> the text (compacted when it has a line break); binary strings -> "\\x..." hex; dates,
 * times, text, ENUM/SET -> JSON strings. The columns are those mysql-raw-rows.ts takes (others:
 * the ordinary path).
 */
import { JsonRowBytes } from '../../output/json-row-bytes.js';
import { Kind, valueLength, valueStart, type Column, type RawPacket } from './mysql-raw-rows.js';

export class MysqlJsonRows extends JsonRowBytes {
  constructor(
    private readonly columns: readonly Column[],
    names: readonly string[],
    lines: boolean,
  ) {
    super(lines);
    this.setColumns(names);
  }

  /** One row packet (mysql2's row parser interface); returns nothing. */
  next(packet: RawPacket): null {
    const buf = packet.buffer;
    let p = packet.offset;
    const cols = this.columns;
    this.startRow();
    for (let i = 0; i < cols.length; i++) {
      this.key(i);
      const len = valueLength(buf, p);
      p = valueStart;
      if (len < 0) {
        this.ascii('null');
        continue;
      }
      const s = p;
      p += len;
      const col = cols[i]!;
      if (col.kind === Kind.Binary) this.ascii(JSON.stringify('\\x' + buf.toString('hex', s, p)));
      else if (col.json === 'digits') this.bytes(buf, s, p);
      else if (col.json === 'decimal') this.decimal(buf, s, p);
      else if (col.json === 'json') this.json(buf, s, p);
      else this.string(buf, s, p);
    }
    this.endRow();
    return null;
  }
}
