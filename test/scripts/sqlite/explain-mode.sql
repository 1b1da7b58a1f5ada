-- .explain auto (sqlite3's start): EXPLAIN in explain mode, its loops indented; EXPLAIN QUERY PLAN as a tree
.headers off
create table t(a, b);
create index ti on t(a);
create table log(x);
create trigger tr after insert on t begin insert into log values (new.a); end;
explain query plan select * from t where a = 1;
explain select * from t where a = 1;
explain insert into t values (1, 2);
explain select b from t where a > 1 order by b;
explain select * from t join log on x = a;
explain select distinct b from t;
.mode csv
explain select 1;
-- .explain off: their rows in the mode's own form
.explain off
explain select 1;
-- .explain on: every result in explain mode (eight columns at most, the names cut to their widths)
.explain on
select 1 as a, 'a long value' as b, null as c;
select 1, 2, 3, 4, 5, 6, 7, 8, 9;
select 1 where 0;
.mode list
.explain
.explain auto
-- .eqp full: the plan, then the bytecode, then the result
.eqp full
select * from t where a = 1;
insert into t values (3, 4);
explain select 1;
explain query plan select * from log;
.eqp trigger
select 2;
.eqp off
select 3;
