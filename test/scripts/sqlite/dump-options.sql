-- .dump --preserve-rowids (INSERTs that keep the rowid, under a name no column has), --data-only, --nosys,
-- --newlines, one dash or two, several patterns; names quoted only when SQLite's own keywords (rowid, day, strict are not)
create table t(a, b);
insert into t values (1, 'x'), (2, null), (3, 'l1
l2');
delete from t where a = 1;
create table ip(id integer primary key, v);
insert into ip values (5, 'a');
create table wr(k primary key, v) without rowid;
insert into wr values (1, 2);
create table r2(rowid, _rowid_, z);
insert into r2 values (7, 8, 9);
create table r3(rowid, _rowid_, oid, z);
insert into r3 values (1, 2, 3, 4);
create table seq(x integer primary key autoincrement, day, strict);
insert into seq(day, strict) values ('mon', 1);
create index ti on t(a);
create view v as select * from t;
.dump --preserve-rowids
.dump --data-only
.dump -nosys --newlines
.dump -preserve-rowids --data-only r% seq
.mode insert
.headers on
select * from seq;
