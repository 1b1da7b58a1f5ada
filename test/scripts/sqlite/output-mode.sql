-- .mode alone says the mode; .output stdout and .output alone go back to standard output; .print follows .output
.mode
.mode csv
.mode
.mode tabs
.mode
.mode box
.mode
.mode insert t
.mode
.mode list
.output /dev/null
.print not shown
select 1;
.output stdout
.print shown
select 2;
.once /dev/null
.print not shown either
select 3;
.output /dev/null
.output
select 4;
.headers yes
select 5 as five;
.headers 0
select 6 as six;
.headers 2
select 7 as seven;
.separator , "\n"
.mode
select 8, 9;
.mode tabs
.mode
select 10, 11;
.mode insert t
.mode
select 12;
