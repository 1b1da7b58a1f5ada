-- .fullschema: main's and temp's CREATE statements as stored, in the order they were made, then ANALYZE's statistics
-- (sqlite_stat4 dropped: the SQLite sqlsh is built with keeps it, sqlite3 3.40's does not)
create table z(a, b);
create table a(x);
create view v as select * from z;
create trigger ta after insert on a begin select 1; end;
create temp table tt(q);
.fullschema
.fu
insert into z values (1, 2), (2, 2), (3, 4);
insert into a values ('it''s');
create index zb on z(b);
analyze;
drop table if exists sqlite_stat4;
.fullschema
-- accepted as sqlite3 on this system takes them
.binary on
.log off
.scanstats on
.print end
