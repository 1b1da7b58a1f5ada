/** \d and friends on real PostgreSQL and MariaDB servers (through the test harness). Under CI=true they must run. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';
import { FIXTURE_SQL, sqlsh } from './cli-helper.js';

describe('describe commands on PostgreSQL', () => {
  test('\\d, lists, \\du, \\l, \\dx, \\ds, \\c DBNAME', async (t) => {
    const pg = await withServer(t, sharedPostgres);
    if (!pg) return;
    const schema = `meta_${process.pid}`;
    const setup = sqlsh(pg.url, [
      `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path = ${schema};` + FIXTURE_SQL +
        `CREATE FUNCTION ${schema}.trg_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
         CREATE TRIGGER trg_tracks BEFORE INSERT ON ${schema}.tracks FOR EACH ROW EXECUTE FUNCTION ${schema}.trg_fn();
         CREATE SEQUENCE ${schema}.seq_ids; CREATE MATERIALIZED VIEW ${schema}.mv AS SELECT 1 AS x;
         COMMENT ON TABLE ${schema}.tracks IS 'the tracks';`,
    ]);
    assert.equal(setup.status, 0, setup.stderr);
    const r = sqlsh(pg.url, [`\\d ${schema}.tracks`, `\\d ${schema}.artists`, `\\dt ${schema}.*`, `\\dt+ ${schema}.tr*`, `\\ds ${schema}.*`, `\\dm ${schema}.*`, `\\dn ${schema}`, '\\du', '\\l', '\\dx', `\\df ${schema}.*`]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Table "${schema}\\.tracks"\\n +Column +\\| +Type +\\| Collation \\| Nullable \\| Default \\n`));
    assert.match(r.stdout, /\n id +\| integer +\| +\| not null \|/);
    assert.match(r.stdout, /\n title +\| character varying\(200\) +\| +\| not null \|/);
    assert.match(r.stdout, /Indexes:\n {4}"tracks_pkey" PRIMARY KEY, btree \(id\)\n {4}"ix_tracks_title" btree \(title\)\n/);
    assert.match(r.stdout, /Foreign-key constraints:\n {4}"tracks_artist_id_fkey" FOREIGN KEY \(artist_id\) REFERENCES artists\(id\)\n/);
    assert.match(r.stdout, /Check constraints:\n {4}"tracks_price_check" CHECK \(price >= 0::numeric\)\n/);
    assert.match(r.stdout, /Triggers:\n {4}trg_tracks BEFORE INSERT ON meta_\d+\.tracks FOR EACH ROW EXECUTE FUNCTION meta_\d+\.trg_fn\(\)\n/);
    assert.match(r.stdout, /Referenced by:\n {4}TABLE "tracks" CONSTRAINT "tracks_artist_id_fkey" FOREIGN KEY \(artist_id\) REFERENCES artists\(id\)\n/);
    assert.match(r.stdout, /List of relations\n +Schema +\| +Name +\| Type +\| +Owner *\n[-+]+\n meta_\d+ \| artists \| table \| \S+ *\n meta_\d+ \| tracks +\| table \| \S+ *\n\(2 rows\)/);
    assert.match(r.stdout, /\| Persistence \| Access method \| +Size +\| Description *\n[\s\S]* tracks +\| table \| \S+ +\| permanent +\| heap +\| \d+ (kB|bytes) +\| the tracks\n/);
    assert.match(r.stdout, /List of relations\n +Schema +\| +Name +\| +Type +\| +Owner *\n[-+]+\n meta_\d+ \| seq_ids \| sequence \| \S+/);
    assert.match(r.stdout, /\| mv +\| materialized view/);
    assert.match(r.stdout, /List of roles\n[\s\S]*Superuser/);
    assert.match(r.stdout, /List of databases\n +Name +\| +Owner +\| Encoding +\| Collate +\| Ctype +\|[^\n]*Access privileges *\n[\s\S]* postgres [\s\S]* template1 /);
    assert.match(r.stdout, /List of installed extensions[\s\S]* plpgsql /);
    assert.match(r.stdout, /List of functions[\s\S]* trg_fn +\| trigger/);
    const c = sqlsh(pg.url, ['\\c template1', '\\conninfo'], { env: { PGPASSWORD: pg.password ?? '' } });
    assert.equal(c.status, 0, c.stderr);
    // psql's own words, on stdout: host and port only when they changed
    const user = new URL(pg.url).username;
    assert.equal(
      c.stdout,
      `You are now connected to database "template1" as user "${user}".\n` +
        `You are connected to database "template1" as user "${user}" on host "${pg.host}" at port "${pg.port}".\n`,
    );
    assert.doesNotMatch(c.stderr + c.stdout, new RegExp(pg.password ?? 'no-password-set'));
    const quiet = sqlsh(pg.url, ['\\c template1'], { args: ['-q'], env: { PGPASSWORD: pg.password ?? '' } });
    assert.equal(quiet.stdout, '', 'psql -q says nothing on \\c');
    // LISTEN / NOTIFY: the notification after the statement's status, as psql prints it
    const n = sqlsh(pg.url, ['LISTEN chan', "NOTIFY chan, 'the payload'", 'NOTIFY chan', 'select 1 as one'], { env: { PGPASSWORD: pg.password ?? '' } });
    assert.equal(n.status, 0, n.stderr);
    assert.match(
      n.stdout,
      /^LISTEN\nNOTIFY\nAsynchronous notification "chan" with payload "the payload" received from server process with PID \d+\.\nNOTIFY\nAsynchronous notification "chan" received from server process with PID \d+\.\n one \n/,
    );
  });
});

describe('\\dconfig (PostgreSQL)', () => {
  test('alone the settings changed from the built-in default; with a pattern those that match', async (t) => {
    const pg = await withServer(t, sharedPostgres);
    if (!pg) return;
    const r = sqlsh(pg.url, ['SET work_mem = \'7MB\'', '\\dconfig', '\\dconfig WORK*', '\\dconfig nosuch']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /List of non-default configuration parameters\n +Parameter +\| +Value *\n[-+]+\n[\s\S]* work_mem +\| 7MB\n/);
    assert.doesNotMatch(r.stdout.split('List of configuration parameters')[0]!, / maintenance_work_mem /, 'an unchanged setting is not listed');
    assert.match(r.stdout, /List of configuration parameters\n Parameter \| Value \n-+\+-+\n work_mem +\| 7MB\n\(1 row\)/);
    assert.match(r.stdout, /List of configuration parameters\n Parameter \| Value \n-+\+-+\n\(0 rows\)/);
  });
});

describe('the catalog sees what the session sees (PostgreSQL)', () => {
  // \d reads the catalog on sessions of its own: they must take this session's search_path and see its temporary tables.
  test('a temporary table, and a schema put on the search path, in \d, \dt and defaults', async (t) => {
    const pg = await withServer(t, sharedPostgres);
    if (!pg) return;
    const schema = `path_${process.pid}`;
    const r = sqlsh(pg.url, [
      `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`,
      `CREATE TABLE ${schema}.inpath (id serial PRIMARY KEY)`,
      'CREATE TEMP TABLE scratch (id serial PRIMARY KEY, note text COLLATE "C")',
      '\\d scratch',
      `SET search_path = ${schema}, public`,
      '\\dt',
      '\\d inpath',
      'BEGIN', 'SET search_path = public', '\\d inpath', 'ROLLBACK',
      '\\d inpath',
      `DROP SCHEMA ${schema} CASCADE`,
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Table "pg_temp_\d+\.scratch"\n Column \| +Type +\| Collation \| Nullable \| +Default +\n[-+]+\n id +\| integer +\| +\| not null \| nextval\('scratch_id_seq'::regclass\)\n note +\| text +\| C +\| +\| \nIndexes:\n {4}"scratch_pkey" PRIMARY KEY, btree \(id\)\n/);
    // psql lists the session's own temporary tables, and the tables of the schema set on the path
    assert.match(r.stdout, new RegExp(`List of relations\\n[^\\n]*Owner *\\n[-+]+\\n ${schema} +\\| inpath +\\| table \\| [^\\n]+\\n pg_temp_\\d+ +\\| scratch +\\| table \\| `));
    const described = r.stdout.split(`Table "${schema}.inpath"`);
    assert.equal(described.length, 4, r.stdout);
    // nextval's argument reads as in this session: unqualified with the schema on the path, qualified without it,
    // and unqualified again once ROLLBACK undid that SET
    assert.match(described[1]!, /nextval\('inpath_id_seq'::regclass\)/);
    assert.match(described[2]!, new RegExp(`nextval\\('${schema}\\.inpath_id_seq'::regclass\\)`));
    assert.match(described[3]!, /nextval\('inpath_id_seq'::regclass\)/);
  });
});

describe('describe commands on MariaDB', () => {
  test('\\d, lists, \\du, \\l and what does not apply', async (t) => {
    const my = await withServer(t, sharedMariadb);
    if (!my) return;
    const setup = sqlsh(my.url, [
      'DROP TABLE IF EXISTS tracks; DROP TABLE IF EXISTS artists; DROP VIEW IF EXISTS v_tracks;' + FIXTURE_SQL +
        'CREATE TRIGGER trg_tracks BEFORE INSERT ON tracks FOR EACH ROW SET NEW.title = TRIM(NEW.title);',
    ]);
    assert.equal(setup.status, 0, setup.stderr);
    const r = sqlsh(my.url, ['\\d tracks', '\\d artists', '\\dt', '\\di', '\\du', '\\l', '\\dx', '\\dm', '\\dT']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Table "${my.database}\\.tracks"\\n`));
    assert.match(r.stdout, /\n id +\| int\(11\) +\| not null \|/);
    assert.match(r.stdout, /Indexes:\n {4}"PRIMARY" PRIMARY KEY \(id\)\n/);
    assert.match(r.stdout, /Foreign-key constraints:\n {4}"[^"]+" FOREIGN KEY \(artist_id\) REFERENCES artists\(id\)\n/);
    assert.match(r.stdout, /Check constraints:\n {4}`[^`]+` CHECK \(`price` >= 0\)\n/);
    assert.match(r.stdout, /Triggers:\n {4}trg_tracks BEFORE INSERT FOR EACH ROW SET NEW\.title = TRIM\(NEW\.title\)\n/);
    assert.match(r.stdout, /Referenced by:\n {4}TABLE "tracks" CONSTRAINT "[^"]+" FOREIGN KEY \(artist_id\) REFERENCES artists\(id\)/);
    assert.match(r.stdout, /List of relations[\s\S]*\| artists \| table\n[\s\S]*\| tracks +\| table\n/);
    assert.match(r.stdout, /List of users\n/);
    assert.match(r.stdout, /List of databases\n[\s\S]* information_schema /);
    assert.match(r.stderr, /MySQL\/MariaDB has no extensions/);
    assert.match(r.stderr, /MySQL\/MariaDB has no materialized views/);
  });

  // The MySQL dialect lexes \c, \p, \t, \w ... as the mysql client's one-letter commands, so
  // \conninfo arrives as \c + "onninfo" (src/sql/lexer.ts SHORT_COMMANDS); reported to the lead.
  test('\\conninfo, \\timing and \\pset on MariaDB', async (t) => {
    const my = await withServer(t, sharedMariadb);
    if (!my) return;
    const r = sqlsh(my.url, ['\\conninfo', '\\timing on', '\\pset null ~']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /You are connected to MySQL\/MariaDB database "/);
    assert.doesNotMatch(r.stderr + r.stdout, new RegExp(my.password));
  });
});
