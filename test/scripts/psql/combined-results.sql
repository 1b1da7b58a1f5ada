-- \gset after a \; group takes the last result (the others shown); SHOW_ALL_RESULTS off shows the last result only
SELECT 3 AS three \; SELECT 4 AS four \gset
\echo :three :four
\set SHOW_ALL_RESULTS off
SELECT 1 AS one \; SELECT 2 AS two ;
create table s(a int) \; insert into s values (1) \; select * from s;
\set SHOW_ALL_RESULTS on
SELECT 1 AS one \; SELECT 2 AS two ;
