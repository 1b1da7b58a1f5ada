-- A small shop / music / HR database for completion tests against real PostgreSQL catalogs.
-- Loaded into a fresh database whose search_path is: public, shop, custom. Off the path: "Custom", hr, music.
CREATE SCHEMA shop;
CREATE SCHEMA custom;
CREATE SCHEMA "Custom";
CREATE SCHEMA hr;
CREATE SCHEMA music;

-- public: two tables that differ only by quoting, mixed-case columns
CREATE TABLE public.users (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE, created_at timestamptz DEFAULT now());
CREATE TABLE public."Users" (id bigint PRIMARY KEY, "displayName" text, "createdAt" timestamptz, "isActive" boolean DEFAULT true);
COMMENT ON TABLE public."Users" IS 'Accounts imported from the old system';
CREATE TABLE public.audit_log (id bigserial PRIMARY KEY, user_id int REFERENCES public.users (id), "eventType" text, payload jsonb, at timestamptz DEFAULT now());

-- shop: types of every kind
CREATE TYPE shop.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE TYPE shop.address AS (street text, city text, "postCode" varchar(10), country char(2));
CREATE DOMAIN shop.email_address AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN shop.quantity AS integer CHECK (VALUE > 0);
CREATE TYPE shop.price_range AS RANGE (subtype = numeric);

CREATE TABLE shop.customers (
  customer_id serial PRIMARY KEY,
  full_name text NOT NULL,
  email shop.email_address,
  billing shop.address,
  user_id int REFERENCES public.users (id),
  "signedUpAt" date
);
CREATE TABLE shop.products (product_id serial PRIMARY KEY, sku text UNIQUE NOT NULL, title text NOT NULL, price numeric(10,2), price_band shop.price_range);
CREATE TABLE shop.orders (
  order_id serial PRIMARY KEY,
  customer_id int NOT NULL REFERENCES shop.customers (customer_id),
  status shop.order_status NOT NULL DEFAULT 'pending',
  ordered_at timestamptz DEFAULT now(),
  ship_to shop.address
);
CREATE TABLE shop.order_items (
  order_id int REFERENCES shop.orders (order_id) ON DELETE CASCADE,
  line_no int,
  product_id int NOT NULL REFERENCES shop.products (product_id),
  qty shop.quantity NOT NULL,
  unit_price numeric(10,2),
  PRIMARY KEY (order_id, line_no)
);
-- composite foreign key
CREATE TABLE shop.shipments (
  shipment_id serial PRIMARY KEY,
  order_id int NOT NULL,
  line_no int NOT NULL,
  carrier text,
  shipped_on date,
  FOREIGN KEY (order_id, line_no) REFERENCES shop.order_items (order_id, line_no)
);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
CREATE INDEX products_lower_title_idx ON shop.products (lower(title));
CREATE VIEW shop.order_totals AS
  SELECT o.order_id, o.customer_id, sum(i.qty * i.unit_price) AS total
  FROM shop.orders o JOIN shop.order_items i USING (order_id) GROUP BY o.order_id, o.customer_id;
CREATE MATERIALIZED VIEW shop.monthly_sales AS
  SELECT date_trunc('month', ordered_at) AS month, count(*) AS orders FROM shop.orders GROUP BY 1;

-- custom (on the path) and "Custom" (off it) are two schemas with a table of the same name
CREATE TABLE custom.settings (key text PRIMARY KEY, value text);
CREATE TABLE "Custom".settings (id int PRIMARY KEY, "Key" text, "Value" jsonb);
CREATE TABLE "Custom"."Widgets" (widget_id int PRIMARY KEY, label text, settings_id int REFERENCES "Custom".settings (id));

-- hr: self reference and a cross-schema reference
CREATE TABLE hr.departments (dept_id int PRIMARY KEY, dept_name text NOT NULL);
CREATE TABLE hr.employees (
  emp_id int PRIMARY KEY,
  full_name text NOT NULL,
  manager_id int REFERENCES hr.employees (emp_id),
  dept_id int REFERENCES hr.departments (dept_id),
  user_id int REFERENCES public.users (id),
  salary numeric(12,2),
  "hiredOn" date
);
CREATE VIEW hr.team AS SELECT e.emp_id, e.full_name, m.full_name AS manager_name FROM hr.employees e LEFT JOIN hr.employees m ON m.emp_id = e.manager_id;

-- music
CREATE TABLE music.artists (artist_id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE music.albums (album_id int PRIMARY KEY, artist_id int NOT NULL REFERENCES music.artists (artist_id), title text, released int);
CREATE TABLE music.tracks (track_id int PRIMARY KEY, album_id int REFERENCES music.albums (album_id), title text NOT NULL, "durationMs" int, genre text);

-- functions: set-returning in all their forms, scalar, aggregate, procedure
CREATE FUNCTION shop.order_lines(p_order int) RETURNS TABLE (line_no int, product_title text, qty int, amount numeric)
  LANGUAGE sql STABLE AS $$
    SELECT i.line_no, p.title, i.qty::int, i.qty * i.unit_price FROM shop.order_items i JOIN shop.products p USING (product_id)
    WHERE i.order_id = p_order
  $$;
CREATE FUNCTION shop.recent_orders(n int DEFAULT 10) RETURNS SETOF shop.orders
  LANGUAGE sql STABLE AS $$ SELECT * FROM shop.orders ORDER BY ordered_at DESC LIMIT n $$;
CREATE FUNCTION shop.addresses_of(p_customer int) RETURNS SETOF shop.address
  LANGUAGE sql STABLE AS $$ SELECT ship_to FROM shop.orders WHERE customer_id = p_customer $$;
CREATE FUNCTION shop.customer_stats(p_customer int, OUT order_count bigint, OUT total_spent numeric)
  LANGUAGE sql STABLE AS $$
    SELECT count(*), coalesce(sum(t.total), 0) FROM shop.order_totals t WHERE t.customer_id = p_customer
  $$;
CREATE FUNCTION hr.reports_of(p_emp int, OUT emp_id int, OUT full_name text, OUT depth int) RETURNS SETOF record
  LANGUAGE sql STABLE AS $$
    WITH RECURSIVE r AS (
      SELECT e.emp_id, e.full_name, 1 AS depth FROM hr.employees e WHERE e.manager_id = p_emp
      UNION ALL SELECT e.emp_id, e.full_name, r.depth + 1 FROM hr.employees e JOIN r ON e.manager_id = r.emp_id)
    SELECT * FROM r
  $$;
CREATE FUNCTION shop.price_bounds(p_product int, OUT numeric, OUT max_price numeric)
  LANGUAGE sql STABLE AS $$ SELECT min(price), max(price) FROM shop.products WHERE product_id = p_product $$;
CREATE FUNCTION public.price_with_tax(amount numeric, rate numeric DEFAULT 0.2) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * (1 + rate), 2) $$;
CREATE FUNCTION public."normalizeEmail"(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim($1)) $$;
CREATE FUNCTION music.track_count(p_album int) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
  DECLARE n bigint;
  BEGIN
    SELECT count(*) INTO n FROM music.tracks WHERE album_id = p_album;
    RETURN n;
  END
$$;
CREATE AGGREGATE public.product(numeric) (sfunc = numeric_mul, stype = numeric, initcond = '1');
CREATE PROCEDURE shop.restock(p_product int, p_qty int) LANGUAGE sql AS $$ UPDATE shop.products SET price = price WHERE product_id = p_product $$;

INSERT INTO public.users (name, email) VALUES ('Ada', 'ada@example.com'), ('Linus', 'linus@example.com');
INSERT INTO shop.customers (full_name, email, user_id) VALUES ('Ada Lovelace', 'ada@example.com', 1);
INSERT INTO shop.products (sku, title, price) VALUES ('A-1', 'Analytical Engine', 1000.00), ('B-2', 'Punch cards', 2.50);
INSERT INTO shop.orders (customer_id, status) VALUES (1, 'paid');
INSERT INTO shop.order_items VALUES (1, 1, 1, 1, 1000.00), (1, 2, 2, 100, 2.50);
REFRESH MATERIALIZED VIEW shop.monthly_sales;
