-- psql's wrapped format: \pset columns N wraps wide columns (by their width over their average) on a file too
create table t(id int, name text, descr text, n numeric);
insert into t values (1, 'alpha', 'a fairly long description of the first row that goes on', 1.5),
 (2, 'beta', 'short', 22.25), (3, 'gamma gamma gamma gamma', 'another long description, with commas, and more words here', NULL),
 (4, 'd', E'two\nlines here that are long enough to wrap as well', 4);
\pset format wrapped
\pset columns 40
select * from t order by id;
\pset columns 60
select * from t order by id;
\pset border 2
select * from t order by id;
\pset border 0
select * from t order by id;
\pset border 1
\pset linestyle unicode
select * from t order by id;
\pset linestyle old-ascii
select * from t order by id;
\pset linestyle ascii
\pset columns 20
select * from t order by id;
\pset columns
\pset format
\pset columns 0
select * from t order by id;
\pset format aligned
\pset columns 40
select * from t order by id;
\pset
