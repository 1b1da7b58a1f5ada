-- a script with sqlite3 dot-commands but no .mode: sqlite3's default list output, no header
.bail on
create table t(a, b);
insert into t values (1, 'x'), (2.5, null), (3, 'it''s');
select * from t;
select count(*), sum(a) from t;
