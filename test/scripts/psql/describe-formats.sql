-- \d and the lists in every format: the title and footers in each format's own form, none with
-- tuples only; \d TABLE stays a table with \x; expanded records leave a blank line before the footers
create table t(id serial primary key, b text);
\pset format aligned
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\pset format unaligned
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\pset format csv
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\pset format html
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\pset format asciidoc
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\pset format latex
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\pset format latex-longtable
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\pset format troff-ms
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\pset format wrapped
\d t_id_seq
\d t
\dt
\x on
\d t_id_seq
\dt
\x off
\x on
\pset border 2
\d t_id_seq
\dt
\pset border 0
\d t_id_seq
\x off
\pset footer off
\d t
\dt
\pset format unaligned
\x on
\d t
\dt
\pset footer on
\dt
\pset format aligned
\x off
create view dv as select 1 as x;
create index t_b_idx on t(b);
\x on
\d t
\d dv
\d t_b_idx
\d+ t_id_seq
\dn
\t on
\dt
\d t
\d t_id_seq
\df pg_catalog.exp
\x on
\dt
\df pg_catalog.exp
\d t_id_seq
\x off
\pset format wrapped
\df pg_catalog.exp
\pset format unaligned
\dt
\d t
\pset format html
\dt
\d t
\pset format asciidoc
\dt
\d t
\pset format latex
\dt
\pset format troff-ms
\d t
\t off
\pset format aligned
\pset footer off
\dt
\d t
\pset footer on
\pset border 2
\dt
\d t
\pset border 1
