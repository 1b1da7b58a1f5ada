-- the LINE under an error as psql cuts it: 60 cells, kept 10 past the position; tabs as one space
\set ON_ERROR_STOP off
select 1 as a, 2 as b, 3 as c, 4 as d, 5 as e, 6 as f, 7 as g, 8 as h, 9 as i, nope1 as j;
select nope2, 1 as a, 2 as b, 3 as c, 4 as d, 5 as e, 6 as f, 7 as g, 8 as h, 9 as i, 10 as j, 11 as k;
select 1 as a, 2 as b, 3 as c, 4 as d, nope3, 5 as e, 6 as f, 7 as g, 8 as h, 9 as i, 10 as j, 11 as k, 12 as l;
select	1,	2,		nope4;
select 1,
  2 as "a very long column alias that goes on and on and on and on and on", nope5, 3 as "and another long one here";
select 'x' || 42 + ;
-- tuples only keeps the names' widths, as psql measures them
\t on
select 1 as long_name, 'x' as b, null as c;
\x on
select 1 as long_name, 'x' as b;
\x off
\t off
