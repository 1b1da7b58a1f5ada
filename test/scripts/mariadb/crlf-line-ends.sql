-- a script saved with Windows line ends (MySQL's sakila-data.sql): the mariadb client drops the \r of each
-- line end, in strings and stored bodies too
create table crlf (id int primary key, v text);
insert into crlf values (1, 'two
lines');
create trigger crlf_tr before insert on crlf
for each row
  set new.v = concat(new.v, '
!');
insert into crlf values (2, 'x');
DELIMITER //
create procedure crlf_p()
begin
  select 1;
end//
DELIMITER ;
