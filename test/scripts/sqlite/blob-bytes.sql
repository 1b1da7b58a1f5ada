-- A blob is written as its bytes in every text mode, a byte that is not UTF-8 too (not U+FFFD), and the
-- columnar modes count only the bytes that start a character, as sqlite3 3.40 does.
create table b(id integer, v blob);
insert into b values (1, x'807f41'), (2, x'41ff42'), (3, x'e282ac'), (4, x'c3');
.mode list
select * from b;
.headers on
.mode csv
select * from b;
.mode tabs
select * from b;
.mode column
select * from b;
.mode box
select * from b;
.mode table
select * from b;
.mode markdown
select * from b;
.mode line
select * from b;
.mode html
select * from b;
.mode tcl
select * from b;
.mode quote
select * from b;
.mode insert t
select * from b;
