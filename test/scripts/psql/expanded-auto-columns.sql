-- psql's \x auto in a script: with \pset columns N a result of more than one column wider than N is shown as records
\pset columns 20
\x auto
select g as n, repeat('x', g * 4) as s from generate_series(1, 3) g;
select g as n, g as m from generate_series(1, 3) g;
select repeat('y', 30) as only_one;
select 1 as a_rather_long_column_name, 2 as b;
\pset border 2
select g as n, repeat('x', g * 4) as s from generate_series(1, 3) g;
select g as n, g as m from generate_series(1, 3) g;
\pset border 1
\pset format wrapped
select g as n, repeat('x ', g * 4) as s from generate_series(1, 3) g;
select g as n, g as m from generate_series(1, 3) g;
\pset format aligned
\pset columns 0
select g as n, repeat('x', g * 4) as s from generate_series(1, 3) g;
\pset columns 20
\x off
select g as n, repeat('x', g * 4) as s from generate_series(1, 3) g;
\x auto
\pset format unaligned
select g as n, repeat('x', g * 4) as s from generate_series(1, 3) g;
