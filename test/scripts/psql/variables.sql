-- psql variables: \set, -v, the three interpolation forms, and where they are never used
\set tbl 'Mixed Name'
\set val 'it''s :n here'
\set n 42
\set joined a 'b c' d
\echo joined is :joined
\echo from -v: :from_v and :'from_v'
create table :"tbl" (id int primary key, note text, n int);
insert into :"tbl" values (1, :'val', :n), (2, ':n stays', 7);
insert into :"tbl" values (3, $$ :n and :'val' stay $$, 1::int);
/* :n in a comment */ insert into :"tbl" values (4, E'\':n', :n + 1); -- :n
select id, note, n from :"tbl" order by id;
\echo set? :{?n} :{?nope} unknown :nope :'nope'
create function add_n(x int) returns int language sql as $body$ select x + 42 /* :n */ $body$;
select add_n(:n) as r;
\getenv greeting SQLSH_TEST_GREETING
\echo greeting: :greeting
\qecho qecho :n
\warn warned :n
\set inc 'include-me.inc'
\i :inc
\unset n
\echo after unset :n
\set ECHO queries
select count(*) as rows_in_table from :"tbl";
\set ECHO none
\echo ROW_COUNT :ROW_COUNT
-- psql's connection variables (DBNAME differs between the two databases the test uses)
\echo :USER :ENCODING :SERVER_VERSION_NUM :SERVER_VERSION_NAME
select :SERVER_VERSION_NUM >= 90600 as modern \gset
\if :modern
\echo modern server
\endif
