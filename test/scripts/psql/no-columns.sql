-- results of no columns (select;) as psql prints them: the rules of the borders, no data lines, the row count; in records the row count alone
select;
select from generate_series(1,2);
\x
select;
\x
\pset border 2
select;
\pset border 0
select;
select where false;
\t on
select;
\pset border 2
select;
\t off
\pset title T
select;
\pset border 1
select;
\pset title
\x
select where false;
\pset format unaligned
select;
\x
select;
\x
select;
select from generate_series(1,3);
\t
select;
\pset border 2
\t
select;
-- a statement that is not one plain query (FOR UPDATE) takes sqlsh's ordinary path: the same
\pset border 1
\t off
\x off
create table nocols (a int);
insert into nocols values (1), (2);
select from nocols for update;
\x on
select from nocols for update;
