-- psql's html format: escaping, leading spaces, empty values, number columns right, caption, tuples only, expanded records
\pset format html
select 1 as a, '<b>&"x"' as "b<", null as n, E'two\nlines' as m, '  lead  in' as s, '' as e, 1.5::numeric as num, true as t, null::int as ni;
select 1 as a where false;
\C 'My <Title>'
select 2 as b;
\C
\t
select 3 as c;
\t
\x
select 4 as d, 'x' as e;
select 5 as e where false;
\t
select 6 as f;
\t
\x
select g, g * 1.5 as h from generate_series(1, 1200) g;
