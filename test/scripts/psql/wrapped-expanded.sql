-- psql's wrapped format with expanded records: values cut to what the width leaves beside the names
-- (at least 3, enough for the record label), wrap marks, the record rule as wide as the cut values
\pset format wrapped
\x on
\pset columns 20
select repeat('x',16) as a;
select repeat('x',17) as a;
select repeat('x',15) as a;
\pset border 0
select repeat('x',18) as a;
select repeat('x',19) as a;
select repeat('x',17) as a;
\pset border 2
select repeat('x',12) as a;
select repeat('x',13) as a;
select repeat('x',11) as a;
\pset columns 10
\pset border 1
select repeat('x',30) as a;
select repeat('x',30) as a from generate_series(1,10);
\pset columns 12
select repeat('x',30) as a;
\pset columns 8
select repeat('x',30) as a;
\pset columns 1
select repeat('x',30) as a;
\pset format wrapped
\x on
\pset columns 1
\pset border 0
select repeat('x',30) as a;
\pset border 2
select repeat('x',30) as a;
select repeat('x',30) as abcdefghijk;
\pset border 1
select repeat('x',30) as abcdefghijk;
select repeat('x',30) as abcdefghijklmnopq;
\pset border 0
select repeat('x',30) as abcdefghijk;
\pset columns 25
\pset border 1
select repeat('x',30) as abcdefghijk, repeat('y',5) as b;
select 'ab' as a, E'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nyy' as b;
select 'ab' as "a
b", E'xxxx' as b;
\pset format wrapped
\x on
\pset columns 12
\t on
select repeat('x',30) as a, 'b' as bb;
select repeat('x',30) as a from generate_series(1,3);
\pset border 2
select repeat('x',30) as a from generate_series(1,2);
\t off
\pset linestyle unicode
select repeat('x',30) as a, E'p\nq' as b;
\pset border 1
select repeat('x',30) as a, E'p\nq' as b;
\pset border 0
select repeat('x',30) as a, E'p\nq' as b;
\pset linestyle ascii
\pset null NUL
select null as a, repeat('é',20) as b, 'z' as c;
select * from (values (1)) v where false;
\pset null ''
\pset border 1
\pset columns 40
\pset linestyle old-ascii
create view q as select array_to_string(array_agg(repeat('x',2*n)),E'\n') as "ab

c", array_to_string(array_agg(repeat('y',20-2*n)),E'\n') as "a
bc" from generate_series(1,10) as n(n) group by n>1 order by n>1;
\pset columns 20
\pset border 0
select * from q;
\pset border 1
select * from q;
\pset border 2
select * from q;
\pset linestyle ascii
\pset border 0
select * from q;
\pset border 1
select * from q;
\pset border 2
select * from q;
drop view q;
