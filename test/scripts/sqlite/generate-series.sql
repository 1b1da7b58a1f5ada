-- the sqlite3 shell's built-in generate_series table
.mode list
select * from generate_series(1,3);
select value from generate_series(1,10,-3);
select * from generate_series(1,10,0) limit 3;
select value, start, stop, step from generate_series(1,3,1);
select * from generate_series(3,1);
select count(*), sum(value) from generate_series(1,1000);
select typeof(value) from generate_series(7,7);
.headers on
select s.value * 2 as twice from generate_series(1,2) s;
