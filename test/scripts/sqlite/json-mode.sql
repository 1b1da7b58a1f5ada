create table p(id integer primary key, name text, score real, note blob);
insert into p values (1, 'ann "the first"', 3.5, x'0001'), (2, 'tab	and\back', NULL, NULL), (3, 'a much longer name', 1e20, 'txt');
.mode json
select * from p;
select 1 as a where 0;
select 1.0 as r, 2 as i, -0.5, 1e999, -1e999, char(1), char(127), 'é';
.headers on
select id from p;
