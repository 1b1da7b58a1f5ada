-- .mode ascii: values and rows ended by 0x1F and 0x1E, no quotes; .import reads them so (quotes kept)
.mode ascii
.headers on
select 1 as a, null as b, 'x"y' as c;
.mode
.import imp-ascii.txt t
.mode quote
select * from t;
.mode list
.import --ascii imp-ascii.txt t
select count(*) from t;
