-- sqlite3's .dump: CREATE statements, rows as INSERTs (REALs at 20 digits, blobs, line ends), sqlite_sequence, indexes, views, triggers
create table a(id integer primary key autoincrement, name text, r real, b blob);
insert into a(name, r, b) values ('x', 1.5, x'0102'), ('it''s
two', 0.1, null), ('cr'||char(13)||'lf', 1e300, x'');
create table "my t"(x, "select" default 3);
insert into "my t" values (1, 2), (-0.5, 'z');
create index ia on a(name);
create view v as select * from a;
create trigger tr after insert on a begin select 1; end;
create table empty(z);
.dump
.dump a
.dump my%
.tables
.tables %t%
.indexes
.indexes a
