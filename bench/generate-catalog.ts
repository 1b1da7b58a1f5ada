/** A generated catalog for benchmarks: N tables x 20 columns, each table with FKs to earlier tables. Deterministic. */
import type { CatalogData, ColumnDef, ForeignKeyDef, RelationDef } from '../src/catalog/catalog-data.js';

const NOUNS = ['account', 'order', 'invoice', 'product', 'customer', 'payment', 'shipment', 'region', 'store', 'employee',
  'supplier', 'category', 'review', 'session', 'event', 'ticket', 'contract', 'asset', 'budget', 'campaign'];
const FIELDS = ['name', 'status', 'created_at', 'updated_at', 'amount', 'quantity', 'description', 'code', 'email', 'price',
  'total', 'notes', 'country', 'city', 'phone', 'title'];

export function generateCatalog(tables: number): CatalogData {
  const relations: RelationDef[] = [];
  const foreignKeys: ForeignKeyDef[] = [];
  for (let i = 0; i < tables; i++) {
    const name = `${NOUNS[i % NOUNS.length]}_${NOUNS[Math.floor(i / NOUNS.length) % NOUNS.length]}_${i}`;
    const columns: ColumnDef[] = [{ name: 'id', type: 'integer', nullable: false }];
    const refs = i > 0 ? [(i * 7919) % i, (i * 104729) % i] : [];
    for (const r of refs) {
      const refName = relations[r]!.name;
      const colName = `${refName}_id`;
      if (columns.some((c) => c.name === colName)) continue;
      columns.push({ name: colName, type: 'integer', nullable: true });
      foreignKeys.push({ schema: 'public', table: name, columns: [colName], refSchema: 'public', refTable: refName, refColumns: ['id'] });
    }
    for (let c = 0; columns.length < 20; c++) columns.push({ name: `${FIELDS[(i + c) % FIELDS.length]}_${c}`, type: 'text', nullable: true });
    relations.push({ schema: 'public', name, kind: 'table', columns, primaryKey: ['id'] });
  }
  return { schemas: ['public'], searchPath: ['public'], relations, foreignKeys, indexes: [], functions: [], datatypes: [], databases: [] };
}

/** The fixed inputs, phrased against a generated catalog (names of tables that exist in it). `|` marks the cursor (default: the end). */
export function benchInputs(data: CatalogData): { label: string; text: string }[] {
  const t = (i: number): string => data.relations[i]!.name;
  const child = data.foreignKeys[Math.floor(data.foreignKeys.length / 2)]!;
  const parent = child.refTable;
  const third = data.foreignKeys.find((fk) => fk.refTable === child.table)?.table ?? t(3);
  return [
    { label: 'prefix after FROM', text: 'SELECT * FROM cust' },
    { label: 'column after alias.', text: `SELECT o.| FROM ${t(5)} o` },
    { label: 'WHERE, 3 joined tables', text: `SELECT * FROM ${third} a JOIN ${child.table} b ON b.id = a.${child.table}_id JOIN ${parent} c ON c.id = b.${child.columns[0]} WHERE na` },
    { label: 'join after JOIN', text: `SELECT * FROM ${child.table} x JOIN ` },
  ];
}
