-- a backslash command's name ends at the next backslash, as psql reads it: \a\t is \a then \t
\a\t
select 1 as a, 2 as b;
\a\t
select 1 as a;
\echo x\echo y
\pset format aligned\pset border 2
select 3 as c;
