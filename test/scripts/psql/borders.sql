-- psql's borders (0, 1, 2) and line styles (ascii, old-ascii, unicode with single and double lines),
-- for tables and expanded records: values with newlines, NULL, numbers, names on two lines, titles,
-- tuples only, an empty result, and html's border attribute
create table bt (id int, name text, note text, n numeric);
insert into bt values (1, 'one', E'a\ntwo line\nthree', 1.5), (22, 'twenty-two', null, null), (3, '', 'x', -3);
\pset border 0
select * from bt order by id;
select 1 as "multi
line", 'v' as b;
\x
select * from bt order by id;
select id as "the
id", note from bt order by id;
\t
select * from bt order by id;
\t
\x
\pset null '(null)'
\C 'A title'
\pset border 2
select * from bt order by id;
select 1 as "multi
line", 'v' as b;
\t
select * from bt order by id;
\x
select * from bt order by id;
\t
select * from bt order by id;
select id as "the
id", note from bt order by id;
\x
\C
select id, note from bt where false;
\x
select 1 where false;
\x
\pset null ''
\pset linestyle unicode
select * from bt order by id;
\pset border 1
select * from bt order by id;
\x
select * from bt order by id;
select id as "the
id", note from bt order by id;
\x
\pset border 0
select * from bt order by id;
\pset unicode_border_linestyle double
\pset unicode_header_linestyle double
\pset border 2
select * from bt order by id;
\x
select * from bt order by id;
\x
\pset unicode_column_linestyle double
select * from bt order by id;
\pset border 1
select * from bt order by id;
\pset unicode_header_linestyle
\pset linestyle old-ascii
select * from bt order by id;
select 1 as "multi
line", 'v' as b;
\x
select * from bt order by id;
select id as "the
id", note from bt order by id;
\pset border 0
select id as "the
id", note from bt order by id;
\x
select * from bt order by id;
\pset border 2
select * from bt order by id;
\pset border
\pset linestyle
\pset linestyle u
\pset border 7
\pset format html
select 1 as a;
