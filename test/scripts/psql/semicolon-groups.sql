-- psql's \; sends several statements in one request: a failing part undoes the whole request
\set ON_ERROR_STOP off
create table g1 (i int) \; insert into g1 values (1) \; select 1/0;
select count(*) as g1_tables from pg_class where relname = 'g1';
create table g2 (i int) \; insert into g2 values (1), (2) \; select 'a;b' as s, $$ \; $$ as d;
select 1 as a \; select 2 as b;
begin;
insert into g2 values (3) \; insert into g2 values (4);
commit;
select sum(i) as total from g2;
\set n 5
select :n as n \; select :'n' as quoted;
