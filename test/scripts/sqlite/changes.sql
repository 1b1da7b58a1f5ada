create table t(a int primary key, b text);
insert into t values (1, 'before any dot-command: no status line');
.changes on
insert into t values (2,'x'),(3,'y');
update t set b = 'w' where a > 1;
select count(*) from t;
delete from t where a = 3;
.changes off
insert into t values (4,'q');
select * from t;
