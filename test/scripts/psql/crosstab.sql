-- \crosstabview: rows by the first column, columns by the second in the order they come, cells from the third
create table sales (region text, quarter text, amount numeric(8,2), ord int);
insert into sales values ('north', 'Q2', 20.5, 2), ('north', 'Q1', 10, 1), ('south', 'Q1', 7.25, 1), ('west', 'Q3', null, 3);
select region, quarter, amount from sales order by region, quarter \crosstabview
select amount, quarter, region from sales \crosstabview region quarter amount
select region, quarter, amount, ord from sales \crosstabview 1 2 3 4
select quarter, region, amount > 8 as big from sales order by 1 \crosstabview
