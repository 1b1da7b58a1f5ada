/** MySQL/MariaDB: checks, triggers, view text, sequences (MariaDB), users and databases from information_schema. */
import type { EngineExtras } from './engine-extras.js';
import { sqlString as lit, text } from './query-rows.js';

const s = (v: string): string => lit(v, true);

export const mysqlExtras: EngineExtras = Object.freeze<EngineExtras>({
  async passwordChange(q, user, password) {
    // SET PASSWORD: any user may change its own (ALTER USER needs CREATE USER on MariaDB). MariaDB reads
    // a bare string as a hash, so it takes PASSWORD('...'); MySQL 8 has no PASSWORD() and takes the text.
    const rows = await q('SELECT CURRENT_USER(), VERSION()');
    const [current, version] = (rows[0] ?? []).map(text);
    const value = /mariadb/i.test(version ?? '') ? `PASSWORD(${s(password)})` : s(password);
    if (user === undefined) return { user: current!, sql: `SET PASSWORD = ${value}` };
    // USER or USER@HOST (the host '%' when left out, as MySQL does)
    const at = user.lastIndexOf('@');
    const account = at < 0 ? `${s(user)}@'%'` : `${s(user.slice(0, at))}@${s(user.slice(at + 1))}`;
    return { user, sql: `SET PASSWORD FOR ${account} = ${value}` };
  },

  missing: {
    extensions: 'MySQL/MariaDB has no extensions (SHOW PLUGINS lists the server plugins)',
    matviews: 'MySQL/MariaDB has no materialized views',
    types: 'MySQL/MariaDB has no user-defined types',
  },
  systemSchemas: ['information_schema', 'mysql', 'performance_schema', 'sys'],
  async checks(q, schema, table) {
    let rows;
    try {
      rows = await q(
        `SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ${s(schema)} AND TABLE_NAME = ${s(table)} ORDER BY 1`,
      );
    } catch {
      rows = await q(
        `SELECT cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc
         JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
         WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = ${s(schema)} AND tc.TABLE_NAME = ${s(table)} ORDER BY 1`,
      );
    }
    return rows.map((r) => `\`${text(r[0])}\` CHECK (${text(r[1])})`);
  },
  async triggers(q, schema, table) {
    const rows = await q(
      `SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT FROM information_schema.TRIGGERS
       WHERE EVENT_OBJECT_SCHEMA = ${s(schema)} AND EVENT_OBJECT_TABLE = ${s(table)} ORDER BY 1`,
    );
    return rows.map((r) => `${text(r[0])} ${text(r[1])} ${text(r[2])} FOR EACH ROW ${text(r[3]).replace(/\s+/g, ' ')}`);
  },
  async viewDefinition(q, schema, name) {
    const rows = await q(`SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ${s(schema)} AND TABLE_NAME = ${s(name)}`);
    return rows[0] ? text(rows[0][0]) : undefined;
  },
  async sequences(q) {
    const rows = await q(`SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'SEQUENCE' ORDER BY 1, 2`);
    return rows.map((r) => ({ schema: text(r[0]), name: text(r[1]), type: 'bigint' }));
  },
  async roles(q) {
    const rows = await q(`SELECT User, Host FROM mysql.user ORDER BY 1, 2`);
    return {
      title: 'List of users',
      columns: [
        { name: 'User', type: 'text' },
        { name: 'Host', type: 'text' },
      ],
      rows: rows.map((r) => [text(r[0]), text(r[1])]),
      rowCount: true,
    };
  },
  async databases(q) {
    const rows = await q(`SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA ORDER BY 1`);
    return {
      title: 'List of databases',
      columns: ['Name', 'Encoding', 'Collate'].map((name) => ({ name, type: 'text' })),
      rows: rows.map((r) => r.map((v) => text(v))),
      rowCount: true,
    };
  },
});
