-- \d+ as psql 15: a view's rules under its definition (Rules:), the storage options last (Options:, TOAST's
-- as toast.NAME), an index of a partition is a 'Partition of:' its partitioned index, which \d+ lists with its
-- partitions and access method
\set ON_ERROR_STOP off
create table base (id int primary key, name text, n int);
create view v1 as select id, name from base where id > 0;
create view v2 with (security_barrier = true, check_option = local) as select * from base where n > 1;
create view v3 with (security_invoker = true) as select id from base;
create rule v1_ins as on insert to v1 do instead insert into base (id, name) values (new.id, new.name);
create rule v1_del as on delete to v1 do instead nothing;
create materialized view mv as select id, n from base;
create index mv_id on mv (id);
comment on view v1 is 'the view';
comment on column v1.name is 'a name';
create table r (a int);
create rule r_notify as on update to r do also notify r;
create rule r_ins as on insert to r where new.a < 0 do instead nothing;
alter table r disable rule r_notify;
create table parted (a int, b text) partition by range (a);
create table part1 partition of parted for values from (0) to (10);
create index parted_a on parted (a);
create index parted_b on parted (b);
create unique index parted_a_uniq on parted (a);
create table part2 partition of parted for values from (10) to (20);
\d v1
\d+ v1
\d v2
\d+ v2
\d+ v3
\d+ mv
\d r
\d+ r
\d parted_a
\d+ parted_a
\d part1_a_idx
\d+ part1_a_idx
\d part2_b_idx
\d+ part1_a_idx1
\d+ parted
\d+ part1
\di+
create view w with (security_barrier) as select * from base;
create rule w_del as on delete to w do instead nothing;
comment on view w is 'a comment';
\d w
\d+ w
create table opt (a int) with (fillfactor = 70, autovacuum_enabled = off);
\d+ opt
create materialized view mvo with (fillfactor = 50) as select 1 as x;
\d+ mvo
create index opt_a on opt (a) with (fillfactor = 80);
\d+ opt_a
\d opt_a
create view "Q v" as select 1 as "X";
create rule "R r" as on delete to "Q v" do instead nothing;
\d+ "Q v"
create function tf() returns trigger language plpgsql as 'begin return new; end';
create trigger w_tr instead of insert on w for each row execute function tf();
\d+ w
create table pt (a int, b int) partition by range (a);
create table pt1 partition of pt for values from (0) to (10) partition by range (b);
create table pt11 partition of pt1 for values from (0) to (5);
create table pt2 partition of pt default;
create index pt_a on pt (a);
create table tt (a text) with (toast.autovacuum_enabled = false, fillfactor = 60);
create table tt2 (a text) with (toast.autovacuum_enabled = false);
\d+ pt_a
\d+ pt1_a_idx
\d pt1_a_idx
\d+ pt11_a_idx
\d+ pt2_a_idx
\d+ tt
\d+ tt2
\d+ pt
\d+ pt1
create unlogged table ul (a int) with (fillfactor=90);
\d+ ul
create view rv as select 1 as x;
create rule rv_upd as on update to rv do instead (notify a; notify b);
\d+ rv
alter view rv set (check_option = cascaded);
select 1/0;
\d+ no_such_view
