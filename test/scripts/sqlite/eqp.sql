-- .eqp on: each statement's query plan first, drawn as sqlite3 draws it (nothing for a plain INSERT)
create table t(a, b);
create table u(a primary key, c);
create index t_b on t(b);
.eqp on
insert into t values (1, 2);
select * from t;
select * from t join u using (a) where u.a = 1;
select * from t where a in (select a from u) order by b;
select b, count(*) from t group by b;
select 1;
with r(n) as (select 1 union all select n + 1 from r where n < 3) select * from r;
.eqp off
select 2;
.eq on
select 4;
