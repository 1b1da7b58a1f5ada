-- \d TABLE's further sections, as psql 15 prints them: partitioned tables (Partition key, Number of
-- partitions, Partitions), partitions (Partition of, Partition constraint), inheritance (Inherits,
-- child tables), row security policies and their headings, statistics objects, publications,
-- Replica Identity; check constraints before foreign keys; \dP and \dt's partitioned table
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
drop publication dtab_pub;
