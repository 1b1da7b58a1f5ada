-- dot-commands by a prefix of their name, as sqlite3 reads them
create table t(a, b);
create index t_a on t(a);
insert into t values (1, 'x'), (2, NULL);
.head on
.mo csv
select * from t;
.he off
.m list
.se ;
.nu NULL
select * from t;
.sep |
.sch t
.ta
.ind t
.prin a b
.e on
select 1;
.e off
.wi 5 3
.mo column
select * from t;
.d t
.du t
.o /dev/null
select 'not seen';
.ou stdout
select 'seen';
.bai off
.cha on
insert into t values (3, 'y');
.cha off
.timeo 100
.exp auto
.q
select 'after quit';
