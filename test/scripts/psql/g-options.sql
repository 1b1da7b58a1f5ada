-- \g and \gx (OPTIONS): psql's \pset options for one run, the title among them; words as psql reads them
-- (quotes, a word `(` or `)` alone, a name alone toggles); an option psql refuses is its error, and the
-- statement stays in the query buffer for the next line, as in psql
\set ON_ERROR_STOP off
create table g (a int, b text);
insert into g values (1, 'x'), (2, null);
select * from g \g (title=hello)
select * from g \gx (title='Two words' border=2)
select * from g \g ( format=csv title=ignored )
select * from g \g (format=html title=tt tableattr='border=1')
select * from g \g (title=T format=asciidoc)
select * from g \g (title=T format=unaligned fieldsep=,)
select * from g \g (title= )
select * from g \g (title="quoted" footer=off)
select * from g \g (title=a)b)
select * from g \g (tuples_only)
select * from g \g (null='<null>' expanded)
\C outer
select 1 as one \g (title=inner)
select 2 as two;
\C
select * from g \g (xx=1)
select * from g \g (format=xx)
select 3 as three;
select 4 as four \g (format=unaligned , footer=off)
\r
select 5 as five \gx (format=unaligned
\p
\r
select * from nope;
select 6 as six;
