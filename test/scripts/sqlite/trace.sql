-- .trace: each statement's SQL before its result, while it is on (.trace off, or no file, ends it)
create table t(x);
.trace stdout
insert into t values (1), (2);
select * from t;
select 3; select 4;
select 'a;b' as semi;
.mode csv
select x, x * 2 from t where x > 1;
.mode list
.trace off
select 9;
.tr stdout
select 10;
.trace
select 11;
.trace --profile
.trace stdout
select 12;
.trace off
.trace
select 13;
