-- A small shop / music / HR database for completion tests against real DuckDB catalogs.
-- Schemas main (the search path), shop, hr, music.
CREATE SCHEMA shop;
CREATE SCHEMA hr;
CREATE SCHEMA music;
CREATE TYPE shop.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE TYPE shop.address AS STRUCT(street VARCHAR, city VARCHAR, "postCode" VARCHAR, country VARCHAR);
CREATE TYPE main.mood AS ENUM ('happy', 'sad');

CREATE TABLE main.users (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, email VARCHAR UNIQUE, created_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE main."UserProfiles" ("userId" INTEGER PRIMARY KEY REFERENCES main.users (id), "displayName" VARCHAR, "createdAt" TIMESTAMP, "isActive" BOOLEAN DEFAULT true);
CREATE TABLE shop.customers (
  customer_id INTEGER PRIMARY KEY,
  full_name VARCHAR NOT NULL,
  email VARCHAR,
  billing shop.address,
  "Signed Up At" DATE,
  tags VARCHAR[]
);
CREATE TABLE shop.products (product_id INTEGER PRIMARY KEY, sku VARCHAR NOT NULL UNIQUE, title VARCHAR NOT NULL, price DECIMAL(10,2),
  dims STRUCT(w DOUBLE, h DOUBLE, d DOUBLE));
CREATE TABLE shop.orders (
  order_id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES shop.customers (customer_id),
  status shop.order_status NOT NULL DEFAULT 'pending',
  ordered_at TIMESTAMP DEFAULT current_timestamp,
  ship_to shop.address
);
CREATE TABLE shop.order_items (
  order_id INTEGER REFERENCES shop.orders (order_id),
  line_no INTEGER,
  product_id INTEGER NOT NULL REFERENCES shop.products (product_id),
  qty INTEGER NOT NULL,
  unit_price DECIMAL(10,2),
  PRIMARY KEY (order_id, line_no)
);
-- composite foreign key
CREATE TABLE shop.shipments (
  shipment_id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  carrier VARCHAR,
  shipped_on DATE,
  FOREIGN KEY (order_id, line_no) REFERENCES shop.order_items (order_id, line_no)
);
CREATE TABLE shop."Order Notes" (note_id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES shop.orders (order_id), "Note Text" VARCHAR);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
CREATE VIEW shop.order_totals AS
  SELECT o.order_id, o.customer_id, sum(i.qty * i.unit_price) AS total
  FROM shop.orders o JOIN shop.order_items i USING (order_id) GROUP BY o.order_id, o.customer_id;

-- hr: self reference (DuckDB references stay within a schema)
CREATE TABLE hr.departments (dept_id INTEGER PRIMARY KEY, dept_name VARCHAR NOT NULL);
CREATE TABLE hr.employees (
  emp_id INTEGER PRIMARY KEY,
  full_name VARCHAR NOT NULL,
  manager_id INTEGER REFERENCES hr.employees (emp_id),
  dept_id INTEGER REFERENCES hr.departments (dept_id),
  salary DECIMAL(12,2),
  "hiredOn" DATE
);
CREATE VIEW hr.team AS SELECT e.emp_id, e.full_name, m.full_name AS manager_name FROM hr.employees e LEFT JOIN hr.employees m ON m.emp_id = e.manager_id;

-- music
CREATE TABLE music.artists (artist_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, mood main.mood);
CREATE TABLE music.albums (album_id INTEGER PRIMARY KEY, artist_id INTEGER NOT NULL REFERENCES music.artists (artist_id), title VARCHAR, released INTEGER);
CREATE TABLE music.tracks (track_id INTEGER PRIMARY KEY, album_id INTEGER REFERENCES music.albums (album_id), title VARCHAR NOT NULL, "durationMs" INTEGER);

-- macros: scalar and table
CREATE MACRO main.price_with_tax(amount, rate := 0.2) AS round(amount * (1 + rate), 2);
CREATE MACRO shop.order_lines(p_order) AS TABLE
  SELECT i.line_no, p.title AS product_title, i.qty, i.qty * i.unit_price AS amount
  FROM shop.order_items i JOIN shop.products p USING (product_id) WHERE i.order_id = p_order;
CREATE MACRO shop.recent_orders(n := 10) AS TABLE SELECT * FROM shop.orders ORDER BY ordered_at DESC LIMIT n;
CREATE MACRO hr.reports_of(p_emp) AS TABLE SELECT emp_id, full_name FROM hr.employees WHERE manager_id = p_emp;

INSERT INTO main.users VALUES (1, 'Ada', 'ada@example.com', DEFAULT), (2, 'Linus', 'linus@example.com', DEFAULT);
INSERT INTO shop.customers VALUES (1, 'Ada Lovelace', 'ada@example.com', NULL, NULL, NULL);
INSERT INTO shop.products VALUES (1, 'A-1', 'Analytical Engine', 1000.00, NULL), (2, 'B-2', 'Punch cards', 2.50, NULL);
INSERT INTO shop.orders VALUES (1, 1, 'paid', DEFAULT, NULL);
INSERT INTO shop.order_items VALUES (1, 1, 1, 1, 1000.00), (1, 2, 2, 100, 2.50);
