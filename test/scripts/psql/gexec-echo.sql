\set ECHO all
create temporary table gexec_test(a int, b text);
select format('create index on gexec_test(%I)', attname) from pg_attribute where attrelid = 'gexec_test'::regclass and attnum > 0 order by attnum
\gexec
select 'select 1 as ones', 'select x.y from generate_series(1,2) as x(y)'
\gexec
