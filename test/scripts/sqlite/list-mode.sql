-- sqlite3's list mode and separators; dot-commands say nothing, and no row count follows a result
create table t(id integer primary key, name text);
insert into t values (1, 'one'), (2, 'two');
.headers on
.mode list
select * from t;
.separator ;
select * from t order by id desc;
.headers off
select name from t where id = 1;
.mode csv
select * from t;
.mode box
.mode list
.separator |
select count(*) from t;
