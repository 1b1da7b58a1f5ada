-- the lexer follows standard_conforming_strings as the session changes it
set standard_conforming_strings = off;
select 'a\\b\'cd' as s, 'semi;colon\'s' as t;
select E'x\'y' as e;
\set v 'it''s'
select :'v' as v;
reset standard_conforming_strings;
select 'back\slash' as s2, 'it''s' as s3;
create table strings (s text);
insert into strings values ('plain\');
