-- the mysql client's source FILE and \. FILE
create table items (id int primary key, name varchar(20));
source seed.inc
\. seed2.inc
insert into items values (10, 'after; sources');
