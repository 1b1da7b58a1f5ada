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
