-- psql's numericlocale: digits grouped by thousands in the columns of numbers, in every format
\pset numericlocale on
select 1234567.891::numeric as a, 1234567 as b, -1234::int as c, 12.5::float8 as d, 123 as e, 1e20::float8 as f, 0.5 as g, -0.000123 as h, 1234567::bigint::text as i;
\x
select 1234567 as b;
\pset format unaligned
select 1234567 as b;
\pset numericlocale on
\pset format csv
select 1234567 as b, 1234.5::numeric as c;
\pset format html
select 1234567 as b;
\pset format aligned
select 1234567 as b, null::int as n, 'NaN'::numeric as nan, 'Infinity'::float8 as inf, 100::money as m, 1234567::oid as o;
\pset numericlocale
\pset numericlocale
\pset numericlocale on
\pset numericlocale off
