-- .trace shows each statement as written: from its first character (a comment before it on its line too)
-- to its ';' (a space or a line break before it), as sqlite3 hands it to SQLite
.trace stdout
/* c */ select 6;
select 2 ;
select 3
;
-- a line of its own is not part of the next statement
select 4; select 5;
select 1; /* after, on the line */ select 2
;
select 1; /* a comment
   over two lines */ select 2;
create table t(a, b);
  insert into t
    values (1, 'x;y');   -- after it
select 1 /* trailing */;

   
  /* only a comment */ 
	select    7  ;
.parameter list
.parameter set :x 5
.parameter set :y abc
.parameter set @z 1+2
.parameter unset :x
.parameter list
.parameter clear
.parameter init
.parameter list
.trace off
select 8;
