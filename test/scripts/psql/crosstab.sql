-- \crosstabview: rows by the first column, columns by the second in the order they come, cells from the third
create table sales (region text, quarter text, amount numeric(8,2), ord int);
insert into sales values ('north', 'Q2', 20.5, 2), ('north', 'Q1', 10, 1), ('south', 'Q1', 7.25, 1), ('west', 'Q3', null, 3);
select region, quarter, amount from sales order by region, quarter \crosstabview
select amount, quarter, region from sales \crosstabview region quarter amount
select region, quarter, amount, ord from sales \crosstabview 1 2 3 4
select quarter, region, amount > 8 as big from sales order by 1 \crosstabview
-- a cell without data is blank, a NULL value and a NULL header show as \pset null says
\pset null '#null#'
select 'v1' as v, 'h0' as h, null::int as c union all select 'v2','h1',3 union all select 'v0',null,5 \crosstabview v h c
select null as v, 'h' as h, 1 as c \crosstabview
\pset null ''
-- a quoted name as written, an unquoted one in lower case
SELECT 1 as "A", 2 as b, 3 as c \crosstabview "A" B c
