-- a command's status line in each of psql's formats: html's as <p>CREATE TABLE</p>
\pset format csv
create table t(a int);
insert into t values (1);
\pset format html
create table u(a int);
insert into u values (1);
\pset format asciidoc
drop table u;
\pset format latex
prepare q as select 1;
\pset format latex-longtable
deallocate q;
\pset format troff-ms
drop table t;
\pset format unaligned
create table v(a int);
\pset format html
\pset tuples_only on
create table w(a int);
\pset tuples_only off
-- after the rows of INSERT, UPDATE, DELETE ... RETURNING
create table s(a int);
insert into s values (1) returning a;
\pset format csv
insert into s values (2) returning a;
\pset format latex
update s set a = a returning a;
\pset format troff-ms
\pset tuples_only on
delete from s returning a;
select 1 as x;
\pset tuples_only off
