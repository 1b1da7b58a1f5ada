-- psql's csv with expanded display: each value on a line after its column's name
\x
\pset format csv
select 1 as a, $$x,y$$ as b union all select 2, null;
\pset tuples_only on
select 1 as a;
\pset csv_fieldsep ;
\pset tuples_only off
select 1 as a, 2 as "b;c";
\pset format unaligned
select 3 as a;
