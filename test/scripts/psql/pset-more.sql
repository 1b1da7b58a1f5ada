-- \pset csv_fieldsep and tableattr, as psql
\pset csv_fieldsep ;
\pset format csv
select 1 as a, 'x;y' as b, 'p,q' as c, null as d;
\pset csv_fieldsep
\pset csv_fieldsep '\t'
select 1 as a, E'x\ty' as b;
\pset tableattr 'class="wide" id=t1'
\pset format html
select 1 as a;
\x
select 1 as a;
\pset tableattr
\x
select 1 as a;
\pset
