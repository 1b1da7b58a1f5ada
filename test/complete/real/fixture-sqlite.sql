-- A small shop / music / HR database for completion tests against real SQLite catalogs (main only).
PRAGMA foreign_keys = ON;
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE, created_at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE "UserProfiles" ("userId" INTEGER PRIMARY KEY REFERENCES users (id), "displayName" TEXT, "createdAt" TEXT, "isActive" INTEGER DEFAULT 1);
CREATE TABLE customers (
  customer_id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT,
  user_id INTEGER REFERENCES users (id),
  "Signed Up At" TEXT,
  tier TEXT CHECK (tier IN ('bronze', 'silver', 'gold')) DEFAULT 'bronze'
);
CREATE TABLE products (product_id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, title TEXT NOT NULL, price NUMERIC);
CREATE TABLE orders (
  order_id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  status TEXT NOT NULL DEFAULT 'pending',
  ordered_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE order_items (
  order_id INTEGER NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products,
  qty INTEGER NOT NULL,
  unit_price NUMERIC,
  PRIMARY KEY (order_id, line_no)
) WITHOUT ROWID;
-- composite foreign key
CREATE TABLE shipments (
  shipment_id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  carrier TEXT,
  shipped_on TEXT,
  FOREIGN KEY (order_id, line_no) REFERENCES order_items (order_id, line_no)
);
CREATE TABLE "Order Notes" (note_id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (order_id), "Note Text" TEXT);
CREATE VIEW order_totals AS
  SELECT o.order_id, o.customer_id, sum(i.qty * i.unit_price) AS total
  FROM orders o JOIN order_items i ON i.order_id = o.order_id GROUP BY o.order_id, o.customer_id;
CREATE VIEW "Big Spenders" AS SELECT customer_id, sum(total) AS spent FROM order_totals GROUP BY customer_id HAVING sum(total) > 100;

-- music
CREATE TABLE "Artists" ("ArtistId" INTEGER PRIMARY KEY, "Name" TEXT NOT NULL);
CREATE TABLE albums (album_id INTEGER PRIMARY KEY, artist_id INTEGER NOT NULL REFERENCES "Artists" ("ArtistId"), title TEXT, released INTEGER);
CREATE TABLE tracks (
  track_id INTEGER PRIMARY KEY,
  album_id INTEGER REFERENCES albums (album_id),
  title TEXT NOT NULL,
  "durationMs" INTEGER,
  genre TEXT
);
CREATE TABLE product_tracks (product_id INTEGER NOT NULL REFERENCES products, track_id INTEGER NOT NULL REFERENCES tracks, PRIMARY KEY (product_id, track_id)) WITHOUT ROWID;

-- HR: a self reference
CREATE TABLE departments (dept_id INTEGER PRIMARY KEY, dept_name TEXT NOT NULL);
CREATE TABLE employees (
  emp_id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  manager_id INTEGER REFERENCES employees (emp_id),
  dept_id INTEGER REFERENCES departments (dept_id),
  salary REAL,
  "hiredOn" TEXT
);
CREATE VIEW team AS SELECT e.emp_id, e.full_name, m.full_name AS manager_name FROM employees e LEFT JOIN employees m ON m.emp_id = e.manager_id;

INSERT INTO users (name, email) VALUES ('Ada', 'ada@example.com'), ('Linus', 'linus@example.com');
INSERT INTO customers (full_name, email, user_id) VALUES ('Ada Lovelace', 'ada@example.com', 1);
INSERT INTO products (sku, title, price) VALUES ('A-1', 'Analytical Engine', 1000.00), ('B-2', 'Punch cards', 2.50);
INSERT INTO orders (customer_id, status) VALUES (1, 'paid');
INSERT INTO order_items VALUES (1, 1, 1, 1, 1000.00), (1, 2, 2, 100, 2.50);
