-- psql's document formats: asciidoc, latex, latex-longtable, troff-ms; borders, titles, expanded records, tuples only, footers, escaping
create table ft (a int, "b|c" text, n numeric, f bool);
insert into ft values (1, 'x|y & z_#$%{}~^\<>', 2.5, true), (22, E'two\nlines', null, false), (3, '', 1e-5, null), (4, '  ', -1, true);
\pset format asciidoc
select * from ft;
\pset border 0
select * from ft;
\pset border 2
\pset title 'T_1 & |x|'
select * from ft;
\x
select * from ft;
\pset border 1
select * from ft;
\pset border 0
select * from ft;
\pset title
\t
select * from ft;
\x
select * from ft;
\t
select * from ft where false;
\pset footer off
select * from ft limit 1;
\pset footer on
\pset format latex
\pset border 1
select * from ft;
\pset border 0
select * from ft;
\pset border 2
\pset title 'T_1 & |x|'
select * from ft;
\pset border 3
select * from ft;
\x
select * from ft;
\pset border 1
select * from ft;
\pset border 0
select * from ft;
\pset title
\t
select * from ft;
\x
select * from ft;
\t
\pset format latex-longtable
\pset border 1
select * from ft;
\pset border 0
select * from ft;
\pset border 2
\pset title 'T_1 & |x|'
select * from ft;
\pset border 3
select * from ft;
\pset title
\pset border 2
select * from ft;
\x
select * from ft;
\x
\t
select * from ft;
\t
\pset format troff-ms
\pset border 1
select * from ft;
\pset border 0
select * from ft;
\pset border 2
\pset title 'T_1 & |x|'
select * from ft;
\x
select * from ft;
\pset border 1
select * from ft;
\pset border 0
select * from ft;
\pset title
\t
select * from ft;
\x
select * from ft;
\pset format lat
\pset format latex-long
\pset format asc
