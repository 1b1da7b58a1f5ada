/**
 * Short builders for the real-catalog cases (real-cases/*.ts): `pg(q, has, not, more)` is a case on the
 * PostgreSQL snapshot; `pgA` the same with `accept: true` (each `has` name, inserted, gives a statement the
 * real engine accepts). `all4(...)` runs one case on every engine's snapshot.
 */
import type { EngineId } from '../../src/sql/dialect.js';
import type { Case } from './case-runner.js';

type Build = (q: string, has?: readonly string[], not?: readonly string[], more?: Partial<Case>) => Case;

function on(engines: readonly EngineId[], accept: boolean): Build {
  return (q, has = [], not = [], more = {}) => ({ q, has, not, engines, catalog: 'real', ...(accept ? { accept: true } : {}), ...more });
}

export const pg = on(['postgres'], false);
export const pgA = on(['postgres'], true);
export const my = on(['mysql'], false);
export const myA = on(['mysql'], true);
export const sl = on(['sqlite'], false);
export const slA = on(['sqlite'], true);
export const dk = on(['duckdb'], false);
export const dkA = on(['duckdb'], true);
export const all4 = on(['postgres', 'mysql', 'sqlite', 'duckdb'], false);
export const all4A = on(['postgres', 'mysql', 'sqlite', 'duckdb'], true);
