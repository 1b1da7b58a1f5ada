/**
 * The arguments that bind every parameter of a SQLite statement to NULL, as the sqlite3 shell leaves a
 * parameter it has no value for (`select :foo, @bar, $baz, ?1, ?` gives NULLs), in better-sqlite3's form:
 * the anonymous ones (`?`, and the places `?NNN` skips) as positional values, the named ones (`:a`, `@a`,
 * `$a`, and `?NNN` under its number) in one object. SQLite numbers them so: `?NNN` is NNN; `?` and a new
 * name take the next number after the largest so far; a name seen before keeps its number.
 * No parameters: no arguments. `valueOf` gives a named parameter its value by its name as written (`:a`,
 * `?3`), where the sqlite3 shell's `.parameter` set one (undefined: NULL).
 */
import { lex } from '../../sql/lexer.js';
import { sqliteDialect } from '../../sql/dialects/sqlite.js';

export function sqliteNullBindings(sql: string, valueOf?: () => ((name: string) => unknown) | undefined): readonly unknown[] {
  if (!/[?:@$]/.test(sql)) return [];
  const named = new Map<string, number>();
  const numberedNames = new Set<number>();
  let largest = 0;
  let any = false;
  for (const t of lex(sql, sqliteDialect.lex)) {
    if (t.type !== 'param') continue;
    any = true;
    if (t.text.startsWith('?')) {
      if (t.text.length === 1) largest++;
      else {
        const n = Number(t.text.slice(1));
        numberedNames.add(n);
        largest = Math.max(largest, n);
      }
    } else if (!named.has(t.text)) named.set(t.text, ++largest);
  }
  if (!any) return [];
  const namedAt = new Set([...named.values(), ...numberedNames]);
  const positional: null[] = [];
  for (let i = 1; i <= largest; i++) if (!namedAt.has(i)) positional.push(null);
  const object: Record<string, unknown> = {};
  const lookup = valueOf?.();
  const value = (name: string): unknown => (lookup ? lookup(name) ?? null : null);
  // (better-sqlite3 binds a name without its prefix: `:a` and `@a` take one value, the first written's)
  for (const name of named.keys()) if (!(name.slice(1) in object)) object[name.slice(1)] = value(name);
  for (const n of numberedNames) object[String(n)] = value(`?${n}`);
  return Object.keys(object).length > 0 ? [...positional, object] : positional;
}
