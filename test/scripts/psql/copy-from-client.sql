-- COPY ... FROM STDOUT reads from the client as FROM STDIN does (the server takes either word after FROM),
-- and a COPY that fails before the server takes its data (no such table) leaves the lines after it to be
-- read as SQL, as psql reads them: the data line and the \. are errors of their own
\set ON_ERROR_STOP off
create table pairs (a int, b text);
copy pairs from stdout;
1	one
2	two
\.
copy no_such_table from stdin;
3	three
\.
copy (select 1) from stdin;
4	four
\.
select * from pairs order by a;
-- a row the server refuses: its CONTEXT line shows the row with its tabs, as psql prints it
copy pairs from stdin;
5	five
6	six	extra
\.
copy pairs (a) to stdin;
select count(*) from pairs;
