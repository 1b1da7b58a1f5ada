-- sqlite3 dot-commands in a script: .read, .mode, .headers, .import, .nullvalue, .output, .bail
.bail on
create table people (id, name);
.read more-people.inc
.mode csv
.headers off
.import people.csv people
delete from people where id = 'id';
.nullvalue NULL
.output /dev/null
select * from people;
.output
select count(*) from people;
