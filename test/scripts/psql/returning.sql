-- INSERT, UPDATE and DELETE ... RETURNING: the rows, then the command's status, as psql prints them
create table ret (id int primary key, name text);
insert into ret values (1, 'one'), (2, 'two') returning id, name;
update ret set name = upper(name) where id = 2 returning *;
delete from ret where id = 1 returning id;
insert into ret values (3, 'three') returning id \; select count(*) from ret;
\x on
update ret set name = name || '!' returning name;
\x off
with moved as (delete from ret where id = 3 returning id) select id from moved;
drop table ret;
