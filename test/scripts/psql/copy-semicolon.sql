-- \copy ends at a ; as psql reads it: `to stdout;` is standard output (it wrote a file named `stdout;`), `with csv;` csv
create temp table cc (a int, b text);
insert into cc values (1, 'x'), (2, null);
\copy cc to stdout;
\copy cc to stdout with csv;
\copy (select 3 as c) to stdout csv header ;
