-- \if / \elif / \else / \endif with \gset, nested and skipped branches, \gexec
create table config (k text primary key, v text);
insert into config values ('mode', 'seed'), ('rows', '3');
select v as mode from config where k = 'mode' \gset
select v as rows, true as enabled from config where k = 'rows' \gset cfg_
\echo mode=:mode rows=:cfg_rows enabled=:cfg_enabled
\if :cfg_enabled
  \echo enabled branch
  \if :{?missing}
    \echo not shown
    select 1/0;
  \elif off
    \echo not shown either
  \else
    \echo nested else
    create table seeded (i int);
    insert into seeded select generate_series(1, :cfg_rows);
  \endif
\else
  this is not SQL and is never sent;
  \connect no_such_database
  \i no_such_file.sql
\endif
\if false
  drop table config;
\elif yes
  \echo elif taken
\endif
select format('create table gx_%s (id int)', i) from generate_series(1, 2) as i \gexec
select count(*) as gx_tables from pg_class where relname like 'gx\_%' \gset
\echo gx_tables=:gx_tables
select 'select ' || i || ' as value' from generate_series(1, 2) as i
\gexec
select sum(i) as total from seeded;
