-- sqlite3 hands SQLite each statement up to its ;, so what a CREATE stores keeps the line break or comment
-- before the ; (jOOQ's sakila for SQLite ends its CREATE INDEX lines so): .schema and .dump show it
create table t(a, b);
create index t_a on t(a)
;
create index t_b on t(b) -- on b
;
create unique index t_ab on t(a, b)   ;
create view v as select a from t
;
create trigger tr after insert on t begin select 1; end
;
.schema
