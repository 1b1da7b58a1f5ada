-- values as psql shows them in tables and records: booleans t/f, NULL empty; on the COPY-text path too (over 1,000 rows)
select true as t, false as f, null::bool as nb, null::int as ni, null::text as nt, '' as empty;
\pset null
select g, g % 2 = 0 as even, case when g % 3 = 0 then null else g end as n,
       case when g % 5 = 0 then null::bool else g % 7 = 0 end as b
from generate_series(1, 1500) g;
\x on
select true as t, null::int as n, 'x' as s;
select g, g % 2 = 0 as even, nullif(g % 4, 0) as n from generate_series(1, 1200) g;
\x off
\pset null '(null)'
\pset null
select null::int as n, false as f;
-- floats as the server writes them (1e-05, 1e+15, float4's own digits), on both paths
select 1e-5::float8 as small, 1e15::float8 as big, 1234567::float4 as f4, 'NaN'::float8 as nan, '-Infinity'::float4 as ninf, 0.1::float8 + 0.2 as sum;
select g::float8 / 7 as f8, g::float4 / 7 as f4, 1e-5 * g::float8 as tiny from generate_series(1, 1100) g;
-- the other paths: a statement's rows through a cursor (RETURNING), and a request of several statements (\;)
create temp table floats (x float8, ok boolean);
insert into floats values (1e-5, true), (1e15, null) returning x, ok;
select 2e-6::float8 as a, false as f \; select 3e-7::float4 as b;
