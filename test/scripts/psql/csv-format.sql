-- psql's csv format: an empty string is written as nothing, as NULL is (not COPY's ""); a field
-- is quoted for the separator, a quote, a line break, or when it is \. in any column; booleans t/f
\pset format csv
select '' as a, null as b, 'x' as c, '\.' as d, true as e, 1e-5::float8 as f;
select '\.' as d;
\pset null NULL
select 'NULL' as a, null as b, '' as c;
\pset null ''
\pset tuples_only on
select '' as a, 'q"r' as b, E'l\nm' as c;
\pset tuples_only off
\x on
select 'a,b' as "x,y", '' as e, null as n;
\x off
-- with . or \ as the separator every field is quoted, NULL too
\pset csv_fieldsep '.'
select 'd1' as a, '\.' as b, 1.5 as c, null as d, '' as e;
\pset csv_fieldsep '\\'
select 'd1' as a, 1 as c, null as d;
\pset csv_fieldsep ','
\pset format aligned
select '' as a, 1 as b \g (format=csv)
