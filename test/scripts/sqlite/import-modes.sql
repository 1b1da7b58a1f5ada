-- .import reads the input as .mode and .separator say (list '|', tabs, csv, .separator), pads short rows with NULL,
-- drops extra fields, renames duplicate header names; -csv, -skip N, -schema S; "|command"
.headers on
create table t(a,b);
.import imp-list.txt t
.mode quote
select rowid, * from t;
.mode csv
.import imp-dup.csv d
.separator ;
.import imp-semi.csv s
.mode list
select * from s;
.schema d
.schema s
.mode tabs
.import imp-tabs.tsv tt
.mode quote
select * from tt;
.mode list
.import -csv -skip 1 imp-semi.csv t
.import --csv --skip 2 imp-semi.csv t
select count(*) from t;
.import "|printf '11|12\n'" t
select * from t where a = '11';
.import -v --csv imp-semi.csv t
.import --csv imp-odd.csv odd
.mode quote
select * from odd;
attach ':memory:' as aux;
.import -csv -schema aux imp-semi.csv s2
.mode list
select * from aux.s2;
.import -csv imp-semi.csv aux.s3
select name from sqlite_schema where name = 'aux.s3';
.import --ascii imp-semi.csv asc
select count(*) from asc;
