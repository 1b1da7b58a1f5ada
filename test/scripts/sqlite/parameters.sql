-- a parameter without a value is NULL in a sqlite3 script, as in the sqlite3 shell (named, numbered, anonymous)
.nullvalue NULL
select :foo, @bar, $baz, ?1, ?;
select ?, :x, ?5, ?, :x is null;
create table p(a, b);
insert into p values (:x, 1), (?2, @y);
select count(*), count(a), sum(b) from p;
select ':not' || '?', "?" from (select 1 as "?");
