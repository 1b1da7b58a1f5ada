-- COPY ... FROM STDIN with inline data up to \., and COPY ... TO STDOUT (a seed file as pg_dump writes them)
create table artists (id int primary key, name text, note text);
copy artists (id, name, note) from stdin;
1	Miles	drop table artists;
2	Nina	tab\there and a backslash \\ and \N
3	semi;colon	\N
\.
copy artists from stdin with (format csv, header);
id,name,note
4,"comma, name","line
break"
5,:n,':n'
\.
\set n 99
select count(*) as artists, sum(id) as ids from artists;
copy (select id, name from artists order by id) to stdout with (format csv);
copy artists (id) to stdout;
\echo ROW_COUNT=:ROW_COUNT
select :n as n;
copy no_such_table from stdin;
6	x	y
\.
\echo not reached
