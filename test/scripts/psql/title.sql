-- \C and \pset title: centred over aligned tables, first in unaligned output and before expanded records,
-- not with tuples only, not over \d (which has its own)
\C 'Monthly report'
select 1 as a, 'a long value here' as b;
\C 'A title far wider than the table it is over'
select 1 as a;
\a
select 1 as a, 2 as b;
\a
\x
select 1 as a;
\x
\t
select 1 as a;
\t
create table titled (id int primary key);
\d titled
\pset title
select 2 as b;
\pset title 'Again'
select 3 as c;
\C
select 4 as d;
