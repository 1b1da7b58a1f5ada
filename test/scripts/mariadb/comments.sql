-- The mysql client does not send comments (its --skip-comments default), executable comments aside
create table notes (id int primary key, body varchar(100)) /* a table comment in SQL */;
insert into notes values (1, 'a -- not a comment'), (2, "# nor this"), (3, '/* nor this */'); # after
select id/* glued */as n, /*! 1 + */ 1 as two from notes where id = 1;
DELIMITER $$
create procedure tidy()
begin
  -- remove the notes
  delete from notes where id > 2; # but keep two
  /* a block
     comment */
  insert into notes values (9, 'x -- y');
end$$
DELIMITER ;
call tidy();
select count(*) -- how many
  as notes_left from notes;
