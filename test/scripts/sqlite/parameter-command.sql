-- .parameter (and its abbreviations .param, .par): values statements bind by name, kept in temp.sqlite_parameters
.param set :x 5
.param set @name hello
.parameter set $t "2024-01-01"
.par set :q 1+2
.param set :s 'a b'
.param set ?3 'three'
.param set :blob x'0102'
.param list
select :x, @name, $t, :q, :s, :nope, ?2, ?3;
create table p(a, b);
insert into p values (:x, :s);
.param set :x 6
insert into p values (:x, :blob);
.param unset :x
select :x is null;
select key from temp.sqlite_parameters order by key;
.param clear
.param list
select :q;
.param init
.param list
.param set :z 7
.param list
select * from p;
.parameter
.param set :x
.param frobnicate
select 'after the help';
