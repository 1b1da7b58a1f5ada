-- psql right-aligns money, xid, cid and xid8 as numbers, shows bytea in the server's bytea_output, and floats as the server writes them
create table wallet (m money, b bytea);
insert into wallet values ('123', '\xdeadbeef'), (null, '\x00');
select m + '123' as m, b from wallet;
select '1'::xid as xid, '2'::cid as cid, '3'::xid8 as xid8, '4'::int2 as int2, null::money as nothing;
set bytea_output = escape;
select b, 'De\000dBeEf'::bytea as mixed from wallet;
\x
select b, m from wallet;
\x
\pset format html
select m, b from wallet;
-- unaligned and csv: floats and bytea as the server writes them, as psql (plain queries and RETURNING rows)
\pset format unaligned
select b, 1e-5::float8 as f, 1e-5::float4 as r from wallet;
insert into wallet values ('1', '\x01') returning b, m, 1e-5::float8 as f;
\pset format csv
select b, m from wallet;
insert into wallet values ('2', '\x02') returning b, m, 1e-5::float8 as f;
-- an array of numbers is not a number: its NULL is left-aligned, as psql aligns by the column's type
\pset format aligned
select ('{{1},{2}}'::int[])[1][null:1] as int4;
select 1 as n, '{1.5}'::float8[] as floats, null::numeric(5,2)[] as nums;
