-- expanded records (\x), as psql prints them: no row count after records, "(0 rows)" for none
\x on
select 1 as genre_id, 'Rock' as name;
select 1 as a where false;
select g as n, repeat('x', g) as xs from generate_series(1, 3) g;
\x auto
select 1 as a, 2 as b;
\x off
select 'back to a table' as t;
\x on
-- a value's own trailing spaces, an empty value, a multi-line value: as psql writes them
select 'ab  ' as b, '' as e, E'x \ny  ' as m;
-- tuples only: no record labels, a rule between records
\t on
select g as id, repeat('x', g) as value from generate_series(1, 3) g;
select 1 where false;
select 'only' as one;
-- past the first 1,000 records (which set the width), the rest are written on bytes
select g as id, 'v' || g as value from generate_series(1, 1100) g;
\t off
select g as id, 'v' || g as value from generate_series(1, 1100) g;
\x off
