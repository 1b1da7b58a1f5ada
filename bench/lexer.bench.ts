/**
 * Lexer and splitter throughput: MB/s for each dialect on a ~1 MB generated mixed script (DDL, DML with
 * strings, comments, quoted identifiers, operators, dollar quotes where the dialect has them), and the
 * time to lex and split a typical 2 KB buffer (what highlighting and completion do on every keystroke).
 * Target: >= 30 MB/s lexing; a 2 KB buffer well under 0.1 ms.
 * Run: npx tsc -p . && node dist/bench/lexer.bench.js
 */
import { performance } from 'node:perf_hooks';
import type { SqlDialect } from '../src/sql/dialect.js';
import { duckdbDialect } from '../src/sql/dialects/duckdb.js';
import { mysqlDialect } from '../src/sql/dialects/mysql.js';
import { postgresDialect } from '../src/sql/dialects/postgres.js';
import { sqliteDialect } from '../src/sql/dialects/sqlite.js';
import { lex } from '../src/sql/lexer.js';
import { splitStatements } from '../src/sql/splitter.js';

const DIALECTS: readonly SqlDialect[] = [sqliteDialect, postgresDialect, mysqlDialect, duckdbDialect];

/** One block of mixed SQL for a dialect; `i` varies the names so the text is not one repeated string. */
function block(d: SqlDialect, i: number): string {
  const q = d.id === 'mysql' ? '`' : '"';
  const lines = [
    `-- section ${i}: customers and their orders`,
    `CREATE TABLE IF NOT EXISTS customer_${i} (id integer PRIMARY KEY, ${q}Full Name${q} varchar(200) NOT NULL, email text, created_at timestamp DEFAULT CURRENT_TIMESTAMP);`,
    `INSERT INTO customer_${i} (id, ${q}Full Name${q}, email) VALUES (${i}, 'O''Brien, Pat', 'pat${i}@example.com'), (${i + 1}, 'Zoë Çelik', NULL);`,
    `/* a block comment that spans
   two lines, with ; and ' inside */`,
    `SELECT c.id, c.email, count(o.id) AS orders, sum(o.total * 1.2e0) AS gross, avg(o.total) FILTER (WHERE o.total >= 10.5)`,
    `  FROM customer_${i} c LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'`,
    `  WHERE c.created_at > '2024-01-01' AND (c.email LIKE '%@example.com' OR c.id IN (1, 2, 3, 0x1F))`,
    `  GROUP BY c.id, c.email HAVING count(*) > 2 ORDER BY gross DESC NULLS LAST LIMIT 50 OFFSET ${i % 7};`,
    `UPDATE orders SET total = total - 0.5, note = 'discount: ${i}' WHERE id = ${i * 3} AND flags & 4 != 0;`,
  ];
  if (d.lex.dollarQuotes) {
    lines.push(`CREATE FUNCTION f_${i}(a int) RETURNS int AS $$ BEGIN RETURN a + ${i}; END; $$ LANGUAGE plpgsql;`);
    lines.push(`SELECT data->>'name', data #> '{a,b}', $1::text FROM docs WHERE tags @> ARRAY['x'];`);
  }
  if (d.id === 'mysql') lines.push(`SELECT @total := @@global.max_connections <=> 1, "double ""quoted"" string" # hash comment`);
  if (d.id === 'sqlite') lines.push(`CREATE TRIGGER tr_${i} AFTER INSERT ON orders BEGIN UPDATE stats SET n = n + 1; END;`);
  return lines.join('\n') + '\n';
}

function script(d: SqlDialect, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const b = block(d, i);
    parts.push(b);
    size += b.length;
  }
  return parts.join('');
}

/** Best-of-N wall time of fn in ms (best: the least disturbed by GC and other processes). */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    fn();
    min = Math.min(min, performance.now() - s);
  }
  return min;
}

function median(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function main(): void {
  const rows: string[] = ['| dialect | script KB | lex MB/s | split MB/s | tokens | 2 KB lex ms (median) | 2 KB split ms (median) |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const d of DIALECTS) {
    const text = script(d, 1 << 20);
    const small = text.slice(0, 2048);
    let tokens = 0;
    for (let i = 0; i < 3; i++) tokens = lex(text, d.lex).length; // warm-up
    const split = { mysqlDelimiterCommand: d.id === 'mysql' };
    for (let i = 0; i < 3; i++) splitStatements(text, d.lex, split);
    const lexMs = best(7, () => void lex(text, d.lex));
    const splitMs = best(7, () => void splitStatements(text, d.lex, split));
    for (let i = 0; i < 200; i++) { lex(small, d.lex); splitStatements(small, d.lex, split); }
    const smallLex = median(2000, () => void lex(small, d.lex));
    const smallSplit = median(2000, () => void splitStatements(small, d.lex, split));
    const mb = text.length / (1 << 20);
    rows.push(`| ${d.id} | ${(text.length / 1024).toFixed(0)} | ${(mb / (lexMs / 1000)).toFixed(1)} | ${(mb / (splitMs / 1000)).toFixed(1)} | ${tokens} | ${smallLex.toFixed(4)} | ${smallSplit.toFixed(4)} |`);
  }
  console.log(rows.join('\n'));
}

main();
