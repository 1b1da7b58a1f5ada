-- \gdesc: the result's columns and their types (format_type, with modifiers), without running the statement
create table gd (id serial primary key, name varchar(20), price numeric(10,2), at timestamptz default now());
select * from gd \gdesc
select id, name as "it's", price * 2 as "back\slash", now() from gd where id > 0 \gdesc
insert into gd (name) values ('x') returning id, name \gdesc
select count(*) from gd;
update gd set name = 'y' \gdesc
select 1::int2 as a, '{1,2}'::int[] as b, 'x'::char(3) as c, 1.5::float8 as d
\gdesc
\gdesc
select count(*) from gd;
