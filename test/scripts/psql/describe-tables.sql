-- \d TABLE's further sections, as psql 15 prints them: partitioned tables (Partition key, Number of
-- partitions, Partitions), partitions (Partition of, Partition constraint), inheritance (Inherits,
-- child tables), row security policies and their headings, statistics objects, publications,
-- Replica Identity; check constraints before foreign keys; \dP and \dt's partitioned table; index
-- lines with DEFERRABLE, CLUSTER and EXCLUDE; rules; disabled triggers; typed tables; foreign tables
-- (Server, FDW options); INCLUDE columns (Key? no) and partitioned indexes
create schema dtab;
set search_path = dtab, public;
create table meas (id int, at date not null, v numeric) partition by range (at);
create table meas_2024 partition of meas for values from ('2024-01-01') to ('2025-01-01');
create table meas_2025 partition of meas for values from ('2025-01-01') to ('2026-01-01');
create table empty_parts (id int) partition by list (id);
create table acct (id int primary key, owner text);
alter table acct enable row level security;
create policy own on acct using (owner = current_user);
create policy ins on acct for insert with check (true);
alter table acct replica identity full;
create table parent (a int);
create table child (b int) inherits (parent);
create table p (id int primary key);
create table t (id int primary key, pid int references p, n int check (n > 0), a int, b int);
create statistics dtab.st1 (ndistinct, dependencies) on a, b from t;
create statistics dtab.st2 on a, b from t;
create policy pr on t as restrictive for update using (n > 1) with check (n > 2);
create table t2 (id int);
alter table t2 force row level security;
alter table t2 enable row level security;
create table t3 (id int);
alter table t3 enable row level security;
create publication dtab_pub for table acct;
\d meas
\d meas_2024
\d empty_parts
\d acct
\d parent
\d child
\d t
\d t2
\d t3
\d+ meas
\d+ meas_2024
\d+ parent
\d+ acct
\dP
\dt dtab.*
create table x (id int primary key, code text, span int4range, constraint code_u unique (code) deferrable initially deferred);
create index x_code_inc on x (id) include (code);
alter table x add constraint no_overlap exclude using gist (span with &&);
cluster x using x_pkey;
create function trg() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger a_trg before insert on x for each row execute function trg();
create trigger b_trg after update on x for each row execute function trg();
alter table x disable trigger b_trg;
create rule r_log as on delete to x do also notify x_deleted;
create type comp as (x int, y text);
create table typed of comp;
create materialized view mv as select id from x;
create index mv_i on mv (id);
create foreign data wrapper dtab_fdw;
create server dtab_srv foreign data wrapper dtab_fdw;
create foreign table ft (id int options (column_name 'rid')) server dtab_srv options (table_name 'remote');
create table pi (id int, k int) partition by range (id);
create index pi_k on pi (k);
\d x
\d+ x
\d typed
\d mv
\d ft
\d+ ft
\d pi_k
\d x_code_inc
-- kind letters together, and system objects with S (only those the search path reaches)
\dtv dtab.*
\dti dtab.*
\dvm dtab.*
\dtvmsiE+ dtab.*
\dtS pg_am
\diS pg_am*
\dS+ pg_am
\dt
\dE
drop server dtab_srv cascade;
drop foreign data wrapper dtab_fdw;
drop publication dtab_pub;
