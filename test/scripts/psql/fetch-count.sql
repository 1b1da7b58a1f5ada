-- psql's FETCH_COUNT: a SELECT or VALUES through a cursor, its rows a fetch at a time; aligned tables and
-- records laid out per fetch (the header once), the other formats as for the whole result
\set ON_ERROR_STOP off
create table pairs (n int, s text);
insert into pairs select g, repeat('x', g) from generate_series(1, 7) g;
\set FETCH_COUNT 3
select * from pairs order by n;
\echo :ROW_COUNT
select * from pairs where n <= 6 order by n;
select * from pairs where n <= 3 order by n;
select * from pairs where false;
  /* a comment */ ( select n from pairs order by n limit 4 );
values (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');
-- not a SELECT: as without FETCH_COUNT
with t as (select * from pairs) select * from t order by n;
table pairs;
\pset border 2
select * from pairs order by n;
select * from pairs where n <= 6 order by n;
\pset title 'Pairs'
select * from pairs order by n;
\x
select n, repeat(s, 3) as s from pairs order by n;
\t
select n, repeat(s, 3) as s from pairs order by n;
\t
\x
\pset title
\t
select * from pairs order by n;
\t
\pset border 1
\pset format wrapped
\pset columns 20
select n, repeat('x ', 3 * n) as s from pairs order by n;
\pset format unaligned
select * from pairs order by n;
\pset format csv
select * from pairs order by n;
\pset format html
select * from pairs where n <= 4 order by n;
\pset format aligned
select * from pairs order by n \gx
-- \x auto cannot measure a result printed in parts: psql shows its records (aligned only)
\x auto
select * from pairs where n <= 4 order by n;
\a
select * from pairs where n <= 4 order by n;
\a
\x off
select n as a, s as b from pairs where n = 2 \gset
\echo :a :b
select n from pairs \gset
select n from pairs where false \gset
-- errors: in a fetch (the parts before it stay, without footer), in the query (its position in psql's DECLARE)
select 1 / (5 - n) as r from pairs order by n;
select nosuch from pairs;
select n into temp copied from pairs;
begin;
select * from pairs where n < 5 order by n;
select 1 / (5 - n) as r from pairs order by n;
rollback;
select 1 as a \; select 2 as b;
\echo :ERROR
select n from pairs where n = 1;
