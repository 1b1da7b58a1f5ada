-- latex-longtable with tableattr: each left-aligned column's width, the last one for the rest
\pset format latex-longtable
\pset tableattr '0.2 0.3'
select 'a' as a, 1 as n, 'b' as b, 'c' as c;
\pset border 2
select 'a' as a, 1 as n, 'b' as b;
\pset tableattr lr
\pset border 0
select 'a' as a, 1 as n;
\x on
select 'a' as a, 1 as n;
