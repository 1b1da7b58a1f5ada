-- sqlite3's html and tcl modes, with and without the header, NULL and odd characters
create table t (a int, b text, c real, d blob);
insert into t values (1, '<x>&"'' y', 2.5, x'41'), (null, 'a"b\c
d	e', null, null), (3, 'é ü', 1e20, x'00ff');
.mode html
select * from t;
.headers on
select a, b from t;
.nullvalue NIL
select * from t where a is null;
.mode tcl
select * from t;
.headers off
select b, c from t;
select char(1) as ctl, 'x y' as q;
