/**
 * On request (`sqlsh.checkDocument`): the engine's own parse and name errors for each statement,
 * with positions, without running anything. PostgreSQL: PREPARE (then DEALLOCATE) for the statements
 * PREPARE takes; MySQL/MariaDB: PREPARE ... FROM '...' (any preparable statement; parsed, not run);
 * SQLite: EXPLAIN (compiles to bytecode, runs nothing); DuckDB: PREPARE. Other statements are skipped.
 */
import { SqlError, type Connection } from '../index.js';
import { classifyStatement } from '../sql/classify.js';
import type { Statement } from '../sql/splitter.js';
import type { SqlProblem } from './diagnostics.js';

const PG_PREPARABLE = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE']);

/** The probe for one statement: its SQL and where the statement's text begins inside it (with a map for MySQL's quoted copy). */
function probe(conn: Connection, sql: string): { text: string; toSource: (pos: number) => number; after?: string } | undefined {
  const verb = classifyStatement(sql, conn.dialect).keyword;
  switch (conn.engine) {
    case 'postgres': {
      if (!PG_PREPARABLE.has(verb)) return undefined;
      const head = 'PREPARE sqlsh_lsp_check AS ';
      return { text: head + sql, toSource: (p) => p - head.length, after: 'DEALLOCATE sqlsh_lsp_check' };
    }
    case 'duckdb': {
      if (!PG_PREPARABLE.has(verb) && verb !== 'FROM') return undefined;
      const head = 'PREPARE sqlsh_lsp_check AS ';
      return { text: head + sql, toSource: (p) => p - head.length, after: 'DEALLOCATE sqlsh_lsp_check' };
    }
    case 'sqlite': {
      if (verb === 'EXPLAIN' || verb === 'BEGIN' || verb === 'COMMIT' || verb === 'ROLLBACK') return undefined;
      const head = 'EXPLAIN ';
      return { text: head + sql, toSource: (p) => p - head.length };
    }
    case 'mysql': {
      if (/^(DELIMITER|BEGIN|COMMIT|ROLLBACK|START)$/.test(verb)) return undefined;
      const head = 'PREPARE sqlsh_lsp_check FROM ';
      let lit = "'";
      const map: number[] = []; // offset in the probe -> offset in sql
      for (let i = 0; i < sql.length; i++) {
        const ch = sql[i]!;
        const esc = ch === "'" ? "''" : ch === '\\' ? '\\\\' : ch;
        for (let k = 0; k < esc.length; k++) map[head.length + lit.length + k] = i;
        lit += esc;
      }
      return { text: `${head}${lit}'`, toSource: (p) => map[p] ?? Math.max(0, Math.min(sql.length, p - head.length - 1)), after: 'DEALLOCATE PREPARE sqlsh_lsp_check' };
    }
  }
}

export async function engineProblems(conn: Connection, statements: readonly Statement[], signal: AbortSignal): Promise<SqlProblem[]> {
  const out: SqlProblem[] = [];
  for (const st of statements) {
    if (signal.aborted) break;
    if (st.kind !== 'sql' || st.text === '') continue;
    const p = probe(conn, st.text);
    if (!p) continue;
    try {
      await conn.query(p.text, { signal });
      if (p.after) await conn.query(p.after).catch(() => undefined);
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      const rel = e.position !== undefined ? Math.max(0, Math.min(st.text.length, p.toSource(e.position))) : undefined;
      // the word at the position (or the whole first line when the engine gave none)
      let start = st.start + (rel ?? 0);
      let end = rel !== undefined ? start + Math.max(1, /^[\w$"`]*/.exec(st.text.slice(rel))![0].length) : st.start + st.text.split('\n')[0]!.length;
      if (rel !== undefined && rel >= st.text.length) { start = st.end - 1; end = st.end; }
      out.push({ start, end, severity: 'error', message: e.message.replace(/^PREPARE[^:]*:\s*/i, ''), code: e.code ?? 'engine' });
    }
  }
  return out;
}
