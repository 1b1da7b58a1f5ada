/** PostgreSQL: what psql 15's describe commands show, from pg_catalog (checks, triggers, view text, the + columns, sequences, roles, databases, extensions, privileges, domains, settings). */
import type { MetaTable } from '../meta-command.js';
import type { EngineExtras, TableDetails } from './engine-extras.js';
import { sqlString, text } from './query-rows.js';
import { UserError } from '../../core/errors.js';

const rel = (schema: string, table: string): string =>
  `(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${sqlString(schema)} AND c.relname = ${sqlString(table)})`;


/** Lines grouped in psql's sections by a one-letter state (O enabled, D disabled, A always, R replica), in that order. */
function sections(rows: readonly (readonly unknown[])[], stateAt: number, headings: Readonly<Record<string, string>>, line: (r: readonly unknown[]) => string): string[] {
  const out: string[] = [];
  for (const [state, heading] of Object.entries(headings)) {
    const these = rows.filter((r) => text(r[stateAt]) === state);
    if (these.length > 0) out.push(heading, ...these.flatMap((r) => line(r).split('\n')));
  }
  return out;
}

export const postgresExtras: EngineExtras = Object.freeze<EngineExtras>({
  missing: {},
  systemSchemas: ['pg_catalog', 'information_schema', 'pg_toast'],
  collationColumn: true,
  psqlVisibility: true,
  async passwordChange(q, user, password) {
    // as psql: the name as given (not folded), hashed the way the server's password_encryption asks
    const rows = await q(`SELECT session_user, current_setting('password_encryption'), quote_ident(${user === undefined ? 'session_user' : sqlString(user)})`);
    const [current, encryption, quoted] = (rows[0] ?? []).map(text);
    const name = user ?? current!;
    // node:crypto (and the streams it loads) only when a password is changed, never at start-up
    const { md5Verifier, scramVerifier } = await import('../password-verifier.js');
    const verifier = encryption === 'md5' ? md5Verifier(password, name) : scramVerifier(password);
    return { user: name, sql: `ALTER USER ${quoted} PASSWORD ${sqlString(verifier)}` };
  },
  async source(q, kind, name) {
    if (kind === 'function') {
      // psql's lookup: with an argument list the exact function, else the only one of that name
      const cast = name.includes('(') ? 'regprocedure' : 'regproc';
      const rows = await q(`SELECT pg_get_functiondef(${sqlString(name)}::${cast}::oid)`);
      return text(rows[0]?.[0]);
    }
    const rows = await q(
      `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_viewdef(c.oid, true), c.relkind::text,
         (SELECT string_agg(quote_ident(split_part(o, '=', 1)) || '=' || quote_literal(substr(o, strpos(o, '=') + 1)), ', ')
            FROM unnest(c.reloptions) o WHERE o NOT LIKE 'check_option=%'),
         CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL' WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED' END
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ${sqlString(name)}::regclass`,
    );
    const [qualified, def, relkind, options, check] = (rows[0] ?? []).map(text);
    // psql's words, with the name as the catalog qualifies it
    if (relkind !== 'v') throw new UserError(`"${qualified}" is not a view`);
    // psql: the name, its options, AS, the definition without pg_get_viewdef's semicolon, the check option
    return `CREATE OR REPLACE VIEW ${qualified}${options ? `\n WITH (${options})` : ''} AS\n${def!.replace(/;$/, '')}${check ? `\n WITH ${check} CHECK OPTION` : ''}\n`;
  },
  async verboseColumns(q) {
    const rows = await q(
      `SELECT n.nspname, c.relname, CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END,
         am.amname, pg_size_pretty(pg_table_size(c.oid)), obj_description(c.oid, 'pg_class')
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'i', 'I')`,
    );
    return new Map(rows.map((r) => [`${text(r[0])}.${text(r[1])}`, { persistence: text(r[2]), method: text(r[3]), size: text(r[4]), description: text(r[5]) }]));
  },
  async describeSequence(q, schema, name) {
    const seq = rel(schema, name);
    const rows = await q(
      `SELECT format_type(seqtypid, NULL), seqstart, seqmin, seqmax, seqincrement, CASE WHEN seqcycle THEN 'yes' ELSE 'no' END, seqcache,
         (SELECT relpersistence = 'u' FROM pg_class WHERE oid = seqrelid)
       FROM pg_sequence WHERE seqrelid = ${seq}`,
    );
    const unlogged = rows[0]?.[7] === true || rows[0]?.[7] === 't';
    // psql's footer: the column that owns it (serial), or the identity column it serves
    const owner = await q(
      `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname), d.deptype::text
       FROM pg_class c JOIN pg_depend d ON c.oid = d.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
       WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.objid = ${seq} AND d.deptype IN ('a', 'i')`,
    );
    const footer = owner[0] ? [`${text(owner[0][1]) === 'i' ? 'Sequence for identity column' : 'Owned by'}: ${text(owner[0][0])}`] : [];
    const names = ['Type', 'Start', 'Minimum', 'Maximum', 'Increment', 'Cycles?', 'Cache'];
    return {
      title: `${unlogged ? 'Unlogged sequence' : 'Sequence'} "${schema}.${name}"`,
      columns: names.map((n, i) => ({ name: n, type: i >= 1 && i <= 4 || i === 6 ? 'bigint' : 'text' })),
      rows: rows.map((r) => r.slice(0, 7)),
      footer,
      rowCount: false,
    };
  },
  async compositeTypes(q) {
    const rows = await q(`SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'c' ORDER BY 1, 2`);
    return rows.map((r) => ({ schema: text(r[0]), name: text(r[1]) }));
  },
  async describeComposite(q, schema, name, plus) {
    const rows = await q(
      `SELECT a.attname, format_type(a.atttypid, a.atttypmod),
         (SELECT c.collname FROM pg_collation c, pg_type t WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation), '', ''${
           plus ? `, CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' WHEN 'x' THEN 'extended' END, col_description(a.attrelid, a.attnum)` : ''
         }
       FROM pg_attribute a WHERE a.attrelid = ${rel(schema, name)} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    );
    const names = ['Column', 'Type', 'Collation', 'Nullable', 'Default', ...(plus ? ['Storage', 'Description'] : [])];
    return { title: `Composite type "${schema}.${name}"`, columns: names.map((n) => ({ name: n, type: 'text' })), rows: rows.map((r) => r.map((v) => v ?? '')), rowCount: false, expanded: false };
  },
  async settings(q) {
    // pg_parameter_acl (PostgreSQL 15) holds the privileges \dconfig+ shows
    const acl = await q(`SELECT 1 FROM pg_class WHERE oid = to_regclass('pg_catalog.pg_parameter_acl')`).then((r) => r.length > 0, () => false);
    const rows = await q(`SELECT s.name, current_setting(s.name), s.source <> 'default' AND s.setting IS DISTINCT FROM s.boot_val, s.vartype, s.context,
        ${acl ? `(SELECT array_to_string(p.paracl, E'\\n') FROM pg_parameter_acl p WHERE p.parname = s.name)` : 'NULL'}
      FROM pg_settings s ORDER BY 1`);
    return rows.map((r) => ({ name: text(r[0]), value: text(r[1]), changed: r[2] === true || r[2] === 't', type: text(r[3]), context: text(r[4]), privileges: text(r[5]) }));
  },
  async domains(q, plus) {
    // psql 15's \dD (+: access privileges and the description)
    const rows = await q(`SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod),
        (SELECT c.collname FROM pg_collation c, pg_type bt WHERE c.oid = t.typcollation AND bt.oid = t.typbasetype AND t.typcollation <> bt.typcollation),
        CASE WHEN t.typnotnull THEN 'not null' END, t.typdefault,
        array_to_string(ARRAY(SELECT pg_get_constraintdef(r.oid, true) FROM pg_constraint r WHERE t.oid = r.contypid), ' ')${
          plus ? `, CASE WHEN cardinality(t.typacl) = 0 THEN '(none)' ELSE array_to_string(t.typacl, E'\\n') END, obj_description(t.oid, 'pg_type')` : ''
        }, pg_type_is_visible(t.oid)::text
      FROM pg_type t LEFT JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'
      ORDER BY 1, 2`);
    return rows.map((r) => ({ schema: text(r[0]), name: text(r[1]), row: r.slice(0, -1).map(text), visible: text(r[r.length - 1]) === 'true' }));
  },
  async privileges(q) {
    // psql 15's \dp: privileges one per line, column privileges under the column's name, row security policies
    const rows = await q(`SELECT n.nspname, c.relname,
        CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
          WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END,
        array_to_string(c.relacl, E'\\n'),
        array_to_string(ARRAY(SELECT attname || E':\\n  ' || array_to_string(attacl, E'\\n  ') FROM pg_attribute a
          WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL), E'\\n'),
        array_to_string(ARRAY(SELECT polname
            || CASE WHEN NOT polpermissive THEN E' (RESTRICTIVE)' ELSE '' END
            || CASE WHEN polcmd != '*' THEN E' (' || polcmd::text || E'):' ELSE E':' END
            || CASE WHEN polqual IS NOT NULL THEN E'\\n  (u): ' || pg_get_expr(polqual, polrelid) ELSE E'' END
            || CASE WHEN polwithcheck IS NOT NULL THEN E'\\n  (c): ' || pg_get_expr(polwithcheck, polrelid) ELSE E'' END
            || CASE WHEN polroles <> '{0}' THEN E'\\n  to: ' || array_to_string(ARRAY(SELECT rolname FROM pg_roles WHERE oid = ANY (polroles) ORDER BY 1), E', ') ELSE E'' END
          FROM pg_policy pol WHERE polrelid = c.oid), E'\\n')
      FROM pg_class c LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      ORDER BY 1, 2`);
    return rows.map((r) => ({ schema: text(r[0]), name: text(r[1]), row: r.map(text) }));
  },
  async typeDescriptions(q) {
    const rows = await q(
      `SELECT n.nspname, t.typname, obj_description(t.oid, 'pg_type') FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE obj_description(t.oid, 'pg_type') IS NOT NULL AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
    );
    return new Map(rows.map((r) => [`${text(r[0])}.${text(r[1])}`, text(r[2])]));
  },
  async schemaOwners(q) {
    const rows = await q('SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace');
    return new Map(rows.map((r) => [text(r[0]), text(r[1])]));
  },
  async checks(q, schema, table) {
    const rows = await q(`SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE contype = 'c' AND conrelid = ${rel(schema, table)} ORDER BY conname`);
    return rows.map((r) => `"${text(r[0])}" ${text(r[1])}`);
  },
  async triggers(q, schema, table) {
    const rows = await q(`SELECT pg_get_triggerdef(oid, true) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = ${rel(schema, table)} ORDER BY tgname`);
    return rows.map((r) => text(r[0]).replace(/^CREATE (CONSTRAINT )?TRIGGER /, ''));
  },
  async tableIndexes(q, schema, table) {
    const rows = await q(
      `SELECT c.relname, i.indisunique, i.indisprimary, pg_get_indexdef(i.indexrelid, 0, true),
         EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid AND k.contype = 'u')
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ${rel(schema, table)}`,
    );
    const yes = (v: unknown): boolean => v === true || v === 't';
    return rows.map((r) => {
      const def = text(r[3]);
      const cols = /\(([^)]*)\)/.exec(def.replace(/^.* USING \w+ /, ''))?.[1] ?? '';
      return {
        schema, table, name: text(r[0]), unique: yes(r[1]), primary: yes(r[2]), definition: def,
        columns: cols.split(',').map((x) => x.trim()).filter(Boolean), ...(yes(r[4]) && !yes(r[2]) ? { constraint: true } : {}),
      };
    });
  },
  async indexDefinitions(q, schema, table) {
    const rows = await q(`SELECT c.relname, pg_get_indexdef(i.indexrelid, 0, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ${rel(schema, table)}`);
    return new Map(rows.map((r) => [text(r[0]), text(r[1])]));
  },
  async viewDefinition(q, schema, name) {
    const rows = await q(`SELECT pg_get_viewdef(${rel(schema, name)}, true)`);
    // as the server indents it (its first line starts with a space), without the last newline
    return rows[0]?.[0] == null ? undefined : text(rows[0][0]).replace(/\s+$/, '');
  },
  async storage(q, schema, name) {
    const compression = await q(`SELECT 1 FROM pg_attribute WHERE attrelid = 'pg_attribute'::regclass AND attname = 'attcompression'`).then((r) => r.length > 0, () => false);
    const rows = await q(
      `SELECT a.attname, a.attstorage::text, ${compression ? 'a.attcompression::text' : "''"}, CASE WHEN a.attstattarget = -1 THEN NULL ELSE a.attstattarget END, am.amname
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_am am ON am.oid = c.relam
       WHERE a.attrelid = ${rel(schema, name)} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    );
    const STORAGE: Readonly<Record<string, string>> = { p: 'plain', m: 'main', e: 'external', x: 'extended' };
    const COMPRESSION: Readonly<Record<string, string>> = { p: 'pglz', l: 'lz4' };
    return {
      columns: new Map(rows.map((r) => [text(r[0]), { storage: STORAGE[text(r[1])] ?? '', compression: COMPRESSION[text(r[2])] ?? '', statsTarget: text(r[3]) }])),
      accessMethod: text(rows[0]?.[4]),
      compression,
    };
  },
  async sequences(q) {
    const rows = await q(`SELECT schemaname, sequencename, data_type::text, sequenceowner FROM pg_sequences ORDER BY 1, 2`);
    return rows.map((r) => ({ schema: text(r[0]), name: text(r[1]), type: text(r[2]), owner: text(r[3]) }));
  },
  async roles(q, plus) {
    // psql 15's \du: the attributes in its words and order, the roles it is a member of (+: the description)
    const rows = await q(
      `SELECT r.rolname, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin, r.rolconnlimit, r.rolvaliduntil::text,
         ARRAY(SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON m.roleid = b.oid WHERE m.member = r.oid)::text,
         r.rolreplication, r.rolbypassrls, shobj_description(r.oid, 'pg_authid')
       FROM pg_roles r WHERE r.rolname !~ '^pg_' ORDER BY 1`,
    );
    const attrs = (r: readonly unknown[]): string => {
      const a: string[] = [];
      const yes = (v: unknown): boolean => v === true || v === 't';
      if (yes(r[1])) a.push('Superuser');
      if (!yes(r[2])) a.push('No inheritance');
      if (yes(r[3])) a.push('Create role');
      if (yes(r[4])) a.push('Create DB');
      if (!yes(r[5])) a.push('Cannot login');
      if (yes(r[9])) a.push('Replication');
      if (yes(r[10])) a.push('Bypass RLS');
      // the connection limit and the password's end on lines of their own, as psql puts them
      let out = a.join(', ');
      const limit = Number(text(r[6]));
      if (limit >= 0) out += `${out ? '\n' : ''}${limit === 1 ? '1 connection' : `${limit} connections`}`;
      if (text(r[7])) out += `${out ? '\n' : ''}Password valid until ${text(r[7])}`;
      return out;
    };
    return {
      title: 'List of roles',
      columns: ['Role name', 'Attributes', 'Member of', ...(plus ? ['Description'] : [])].map((name) => ({ name, type: 'text' })),
      rows: rows.map((r) => [text(r[0]), attrs(r), text(r[8]), ...(plus ? [text(r[11])] : [])]),
      rowCount: false,
    };
  },
  async databases(q, plus) {
    // psql 15's \l: every database (templates too), its locale, and its access privileges one per line
    const icu = await q(`SELECT 1 FROM pg_attribute WHERE attrelid = 'pg_database'::regclass AND attname = 'daticulocale'`).then((r) => r.length > 0, () => false);
    const rows = await q(
      `SELECT d.datname, pg_get_userbyid(d.datdba), pg_encoding_to_char(d.encoding), d.datcollate, d.datctype,
         ${icu ? `d.daticulocale, CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END,` : ''}
         array_to_string(d.datacl, E'\\n')${
           plus
             ? `, CASE WHEN has_database_privilege(d.datname, 'CONNECT') THEN pg_size_pretty(pg_database_size(d.datname)) ELSE 'No Access' END,
         t.spcname, shobj_description(d.oid, 'pg_database')`
             : ''
         }
       FROM pg_database d JOIN pg_tablespace t ON d.dattablespace = t.oid ORDER BY 1`,
    );
    const columns = ['Name', 'Owner', 'Encoding', 'Collate', 'Ctype', ...(icu ? ['ICU Locale', 'Locale Provider'] : []), 'Access privileges', ...(plus ? ['Size', 'Tablespace', 'Description'] : [])];
    return {
      title: 'List of databases',
      columns: columns.map((name) => ({ name, type: 'text' })),
      rows: rows.map((r) => r.map((v) => text(v))),
      rowCount: true,
    };
  },
  async tableDetails(q, schema, name, plus) {
    const oid = rel(schema, name);
    const [info] = await q(`SELECT c.relkind::text, c.relrowsecurity, c.relforcerowsecurity, c.relispartition, c.relreplident::text,
        CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
        (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = c.oid AND c.relispartition),
        pg_get_expr(c.relpartbound, c.oid), CASE WHEN c.relispartition THEN pg_get_partition_constraintdef(c.oid) END
      FROM pg_class c WHERE c.oid = ${oid}`);
    if (!info) return { afterColumns: [], policies: [], statistics: [], publications: [], inheritance: [], replicaIdentity: [] };
    const yes = (v: unknown): boolean => v === true || v === 't';
    const kind = text(info[0]);
    const partitioned = kind === 'p';
    const afterColumns: string[] = [];
    if (yes(info[3])) {
      afterColumns.push(`Partition of: ${text(info[6])} ${text(info[7])}`);
      if (plus) afterColumns.push(info[8] == null ? 'No partition constraint' : `Partition constraint: ${text(info[8])}`);
    }
    if (partitioned) afterColumns.push(`Partition key: ${text(info[5])}`);
    // row security policies, with psql's heading for the table's row security
    const pols = await q(`SELECT pol.polname, pol.polpermissive,
        CASE WHEN pol.polroles = '{0}' THEN NULL ELSE array_to_string(ARRAY(SELECT rolname FROM pg_roles WHERE oid = ANY (pol.polroles) ORDER BY 1), ',') END,
        pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid),
        CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' END
      FROM pg_policy pol WHERE pol.polrelid = ${oid} ORDER BY 1`);
    const rls = yes(info[1]);
    const force = yes(info[2]);
    const policies: string[] = [];
    if (pols.length > 0 || rls) {
      const heading = !rls ? 'Policies (row security disabled):' : force ? 'Policies (forced row security enabled):' : pols.length > 0 ? 'Policies:' : 'Policies (row security enabled):';
      policies.push(pols.length === 0 ? `${heading} (none)` : heading);
      for (const p of pols) {
        let line = `    POLICY "${text(p[0])}"`;
        if (!yes(p[1])) line += ' AS RESTRICTIVE';
        if (p[5] != null) line += ` FOR ${text(p[5])}`;
        if (p[2] != null && text(p[2]) !== '') line += `\n      TO ${text(p[2])}`;
        if (p[3] != null) line += `\n      USING (${text(p[3])})`;
        if (p[4] != null) line += `\n      WITH CHECK (${text(p[4])})`;
        policies.push(...line.split('\n'));
      }
    }
    const stats = await q(`SELECT es.stxnamespace::regnamespace::text, es.stxname,
        'd' = ANY (es.stxkind), 'f' = ANY (es.stxkind), 'm' = ANY (es.stxkind), pg_get_statisticsobjdef_columns(es.oid), es.stxrelid::regclass::text
      FROM pg_statistic_ext es WHERE es.stxrelid = ${oid} ORDER BY 1, 2`);
    const statistics = stats.length === 0 ? [] : ['Statistics objects:', ...stats.map((st) => {
      const kinds = [yes(st[2]) ? 'ndistinct' : '', yes(st[3]) ? 'dependencies' : '', yes(st[4]) ? 'mcv' : ''].filter(Boolean);
      // psql names the kinds only when not every kind was asked for
      const shown = kinds.length > 0 && kinds.length < 3 ? ` (${kinds.join(', ')})` : '';
      return `    "${text(st[0])}.${text(st[1])}"${shown} ON ${text(st[5])} FROM ${text(st[6])}`;
    })];
    const pubs = await q(`SELECT p.pubname FROM pg_publication p JOIN pg_publication_rel pr ON p.oid = pr.prpubid WHERE pr.prrelid = ${oid}
      UNION SELECT p.pubname FROM pg_publication p WHERE p.puballtables AND pg_relation_is_publishable(${oid})
      ${await q(`SELECT 1 FROM pg_class WHERE oid = to_regclass('pg_catalog.pg_publication_namespace')`).then((r) => r.length > 0, () => false)
        ? `UNION SELECT p.pubname FROM pg_publication p JOIN pg_publication_namespace pn ON p.oid = pn.pnpubid JOIN pg_class pc ON pc.relnamespace = pn.pnnspid WHERE pc.oid = ${oid}`
        : ''}
      ORDER BY 1`);
    const publications = pubs.length === 0 ? [] : ['Publications:', ...pubs.map((r) => `    "${text(r[0])}"`)];
    // inheritance: the parents (not a partition's), then the partitions or child tables
    const inheritance: string[] = [];
    if (!yes(info[3])) {
      const parents = await q(`SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = ${oid} ORDER BY i.inhseqno`);
      parents.forEach((r, i) => inheritance.push(i === 0 ? `Inherits: ${text(r[0])}${parents.length > 1 ? ',' : ''}` : `          ${text(r[0])}${i < parents.length - 1 ? ',' : ''}`));
    }
    const children = await q(`SELECT c.oid::regclass::text, c.relkind::text, pg_get_expr(c.relpartbound, c.oid)
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = ${oid}
      ORDER BY pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::regclass::text`);
    if (!plus || children.length === 0) {
      if (partitioned) inheritance.push(children.length === 0 ? 'Number of partitions: 0' : `Number of partitions: ${children.length} (Use \\d+ to list them.)`);
      else if (children.length > 0) inheritance.push(`Number of child tables: ${children.length} (Use \\d+ to list them.)`);
    } else {
      const head = partitioned ? 'Partitions: ' : 'Child tables: ';
      children.forEach((c, i) => {
        let line = text(c[0]);
        if (partitioned) line += ` ${text(c[2])}`;
        // (psql 15 marks partitions only: a child table by inheritance is its name alone)
        if (partitioned && text(c[1]) === 'p') line += ', PARTITIONED';
        else if (partitioned && text(c[1]) === 'f') line += ', FOREIGN';
        inheritance.push(`${i === 0 ? head : ' '.repeat(head.length)}${line}${i < children.length - 1 ? ',' : ''}`);
      });
    }
    // psql's index lines: constraint kinds, the definition after USING, DEFERRABLE, CLUSTER, INVALID, REPLICA IDENTITY
    const idx = await q(`SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_get_indexdef(i.indexrelid, 0, true),
        pg_get_constraintdef(con.oid, true), con.contype::text, con.condeferrable, con.condeferred, i.indisreplident
      FROM pg_index i JOIN pg_class c2 ON c2.oid = i.indexrelid
      LEFT JOIN pg_constraint con ON con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')
      WHERE i.indrelid = ${oid} ORDER BY i.indisprimary DESC, c2.relname`);
    const indexLines = idx.map((r) => {
      let line = `    "${text(r[0])}"`;
      if (text(r[7]) === 'x') line += ` ${text(r[6])}`;
      else {
        if (yes(r[1])) line += ' PRIMARY KEY,';
        else if (yes(r[2])) line += text(r[7]) === 'u' ? ' UNIQUE CONSTRAINT,' : ' UNIQUE,';
        const def = text(r[5]);
        const at = def.indexOf(' USING ');
        line += ` ${at >= 0 ? def.slice(at + 7) : def}`;
        if (yes(r[8])) line += ' DEFERRABLE';
        if (yes(r[9])) line += ' INITIALLY DEFERRED';
      }
      if (yes(r[3])) line += ' CLUSTER';
      if (!yes(r[4])) line += ' INVALID';
      if (yes(r[10])) line += ' REPLICA IDENTITY';
      return line;
    });
    // rules and triggers in psql's sections by how they fire
    const ruleRows = await q(`SELECT r.rulename, trim(trailing ';' from pg_get_ruledef(r.oid, true)), r.ev_enabled::text FROM pg_rewrite r
      WHERE r.ev_class = ${oid} AND r.rulename <> '_RETURN' ORDER BY 1`);
    const rules = sections(ruleRows, 2, { O: 'Rules:', D: 'Disabled rules:', A: 'Rules firing always:', R: 'Rules firing on replica only:' }, (r) => `    ${text(r[1]).replace(/^CREATE RULE /, '')}`);
    const trigRows = await q(`SELECT t.tgname, pg_get_triggerdef(t.oid, true), t.tgenabled::text, t.tgisinternal,
        CASE WHEN t.tgparentid <> 0 THEN (SELECT u.tgrelid::regclass::text FROM pg_trigger u WHERE u.oid = t.tgparentid) END
      FROM pg_trigger t WHERE t.tgrelid = ${oid} AND NOT t.tgisinternal ORDER BY 1`).catch(() => q(`SELECT t.tgname, pg_get_triggerdef(t.oid, true), t.tgenabled::text, t.tgisinternal, NULL
      FROM pg_trigger t WHERE t.tgrelid = ${oid} AND NOT t.tgisinternal ORDER BY 1`));
    const triggers = sections(trigRows, 2, { O: 'Triggers:', D: 'Disabled user triggers:', A: 'Triggers firing always:', R: 'Triggers firing on replica only:' }, (r) => {
      const def = text(r[1]).replace(/^CREATE (CONSTRAINT )?TRIGGER /, '');
      return `    ${def}${r[4] != null ? `, ON TABLE ${text(r[4])}` : ''}`;
    });
    // a foreign table: its server and options, and each column's options
    let columnExtra: TableDetails['columnExtra'];
    if (kind === 'f') {
      const [ft] = await q(`SELECT s.srvname, CASE WHEN ft.ftoptions IS NULL THEN NULL ELSE array_to_string(ARRAY(SELECT quote_ident(option_name) || ' ' || quote_literal(option_value) FROM pg_options_to_table(ft.ftoptions)), ', ') END
        FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE ft.ftrelid = ${oid}`);
      if (ft) {
        // psql's place for them: after the triggers, before what it inherits
        const server = [`Server: ${text(ft[0])}`, ...(ft[1] != null && text(ft[1]) !== '' ? [`FDW options: (${text(ft[1])})`] : [])];
        inheritance.unshift(...server);
      }
      const opts = await q(`SELECT a.attname, CASE WHEN a.attfdwoptions IS NULL THEN '' ELSE '(' || array_to_string(ARRAY(SELECT quote_ident(option_name) || ' ' || quote_literal(option_value) FROM pg_options_to_table(a.attfdwoptions)), ', ') || ')' END
        FROM pg_attribute a WHERE a.attrelid = ${oid} AND a.attnum > 0 AND NOT a.attisdropped`);
      columnExtra = { name: 'FDW options', values: new Map(opts.map((r) => [text(r[0]), text(r[1])])) };
    }
    const [typed] = await q(`SELECT CASE WHEN c.reloftype <> 0 THEN c.reloftype::regtype::text END FROM pg_class c WHERE c.oid = ${oid}`);
    if (typed?.[0] != null) inheritance.push(`Typed table of type: ${text(typed[0])}`);
    const ident = text(info[4]);
    // shown where it is not the default: 'd' for user tables, 'n' for pg_catalog's (psql's rule)
    const usual = schema === 'pg_catalog' ? 'n' : 'd';
    const replicaIdentity = plus && (kind === 'r' || kind === 'm') && ident !== usual && ident !== 'i' ? [`Replica Identity: ${ident === 'f' ? 'FULL' : ident === 'd' ? 'DEFAULT' : 'NOTHING'}`] : [];
    return {
      ...(partitioned ? { title: 'Partitioned table' } : {}),
      ...(columnExtra ? { columnExtra } : {}),
      afterColumns, indexLines, rules, triggers, policies, statistics, publications, inheritance, replicaIdentity,
    };
  },
  async verboseDetails(q, schema, name) {
    const oid = rel(schema, name);
    // (its TOAST table's options too, as toast.NAME=VALUE)
    const [info] = await q(`SELECT c.relkind::text, array_to_string(array_cat(c.reloptions,
        (SELECT array_agg('toast.' || o) FROM pg_class tc, unnest(tc.reloptions) o WHERE tc.oid = c.reltoastrelid)), ', ')
      FROM pg_class c WHERE c.oid = ${oid}`);
    // a view's rules as psql lists them under its definition (one space in; a table's are in its own sections)
    const viewRules = text(info?.[0]) !== 'v' ? [] : (await q(`SELECT trim(trailing ';' from pg_get_ruledef(r.oid, true)) FROM pg_rewrite r
      WHERE r.ev_class = ${oid} AND r.rulename <> '_RETURN' ORDER BY r.rulename`)).map((r) => ` ${text(r[0]).replace(/^CREATE RULE /, '')}`);
    const options = info?.[1] == null || text(info[1]) === '' ? undefined : `Options: ${text(info[1])}`;
    return { viewRules: viewRules.length === 0 ? [] : ['Rules:', ...viewRules.flatMap((r) => r.split('\n'))], ...(options !== undefined ? { options } : {}) };
  },
  async indexDetails(q, schema, name, plus) {
    const oid = rel(schema, name);
    const rows = await q(`SELECT a.attname, format_type(a.atttypid, a.atttypmod),
        CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_index i WHERE i.indexrelid = ${oid}) THEN 'yes' ELSE 'no' END,
        pg_get_indexdef(a.attrelid, a.attnum, true)
      FROM pg_attribute a WHERE a.attrelid = ${oid} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`);
    const [info] = await q(`SELECT c.relkind::text, (SELECT count(*) FROM pg_inherits i WHERE i.inhparent = c.oid), am.amname,
        CASE WHEN c.relispartition THEN (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = c.oid) END
      FROM pg_class c LEFT JOIN pg_am am ON am.oid = c.relam WHERE c.oid = ${oid}`);
    const partitioned = text(info?.[0]) === 'I';
    // an index of a partition: the partitioned index it is part of (psql's line for a partition, with no bounds)
    const before = info?.[3] == null ? [] : [`Partition of: ${text(info[3])} `, ...(plus ? ['No partition constraint'] : [])];
    const after: string[] = [];
    if (partitioned) {
      const count = text(info?.[1]);
      const children = plus && count !== '0' ? await q(`SELECT c.oid::regclass::text, c.relkind::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = ${oid} ORDER BY c.oid::regclass::text`) : [];
      if (children.length === 0) after.push(`Number of partitions: ${count}${count === '0' ? '' : ' (Use \\d+ to list them.)'}`);
      else {
        const head = 'Partitions: ';
        children.forEach((c, i) => after.push(`${i === 0 ? head : ' '.repeat(head.length)}${text(c[0])}${text(c[1]) === 'I' ? ', PARTITIONED' : ''}${i < children.length - 1 ? ',' : ''}`));
      }
      // psql 15 names a partitioned index's access method under \\d+ (not a plain index's)
      if (plus && info?.[2] != null) after.push(`Access method: ${text(info[2])}`);
    }
    return { title: partitioned ? 'Partitioned index' : 'Index', rows: rows.map((r) => r.map(text)), before, after };
  },
  async extensionObjects(q, pattern) {
    const exts = await q(`SELECT e.extname, e.oid FROM pg_extension e ORDER BY 1`);
    const p = pattern === undefined ? undefined : (await import('./name-pattern.js')).compileNamePattern(pattern).name;
    const tables: MetaTable[] = [];
    for (const e of exts.filter((r) => !p || p.test(text(r[0])))) {
      const rows = await q(`SELECT pg_describe_object(classid, objid, 0) FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND refobjid = ${text(e[1])} AND deptype = 'e' ORDER BY 1`);
      tables.push({ title: `Objects in extension "${text(e[0])}"`, columns: [{ name: 'Object description', type: 'text' }], rows: rows.map((r) => [text(r[0])]), rowCount: true });
    }
    return tables;
  },
  async extensions(q) {
    const rows = await q(
      `SELECT e.extname, e.extversion, n.nspname, coalesce(obj_description(e.oid, 'pg_extension'), '') FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY 1`,
    );
    return {
      title: 'List of installed extensions',
      columns: ['Name', 'Version', 'Schema', 'Description'].map((name) => ({ name, type: 'text' })),
      rows: rows.map((r) => r.map((v) => text(v))),
      rowCount: true,
    };
  },
});

