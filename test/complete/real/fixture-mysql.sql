-- A small shop / music / HR server for completion tests against real MariaDB catalogs.
-- Three databases act as schemas; the session's current database is sqlsh_shop.
DROP DATABASE IF EXISTS sqlsh_shop;
DROP DATABASE IF EXISTS sqlsh_music;
DROP DATABASE IF EXISTS sqlsh_HR;
CREATE DATABASE sqlsh_shop;
CREATE DATABASE sqlsh_music;
CREATE DATABASE sqlsh_HR;
USE sqlsh_shop;

-- two tables that differ only by case (lower_case_table_names = 0), and names with spaces
CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) UNIQUE, created_at DATETIME DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE Users (id BIGINT PRIMARY KEY, displayName VARCHAR(100), createdAt DATETIME, isActive TINYINT(1) DEFAULT 1) COMMENT 'Accounts imported from the old system';
CREATE TABLE customers (
  customer_id INT AUTO_INCREMENT PRIMARY KEY,
  full_name VARCHAR(100) NOT NULL,
  email VARCHAR(200),
  user_id INT,
  `Signed Up At` DATE,
  tier ENUM('bronze', 'silver', 'gold') NOT NULL DEFAULT 'bronze',
  FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE TABLE products (
  product_id INT AUTO_INCREMENT PRIMARY KEY,
  sku VARCHAR(20) NOT NULL UNIQUE,
  title VARCHAR(200) NOT NULL,
  price DECIMAL(10,2),
  tags SET('new', 'sale', 'gift') DEFAULT ''
);
CREATE TABLE orders (
  order_id INT AUTO_INCREMENT PRIMARY KEY,
  customer_id INT NOT NULL,
  status ENUM('pending', 'paid', 'shipped', 'cancelled') NOT NULL DEFAULT 'pending',
  ordered_at DATETIME DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (customer_id),
  INDEX orders_customer_idx (customer_id)
);
CREATE TABLE order_items (
  order_id INT NOT NULL,
  line_no INT NOT NULL,
  product_id INT NOT NULL,
  qty INT NOT NULL,
  unit_price DECIMAL(10,2),
  PRIMARY KEY (order_id, line_no),
  FOREIGN KEY (order_id) REFERENCES orders (order_id) ON DELETE CASCADE,
  FOREIGN KEY (product_id) REFERENCES products (product_id)
);
-- composite foreign key
CREATE TABLE shipments (
  shipment_id INT AUTO_INCREMENT PRIMARY KEY,
  order_id INT NOT NULL,
  line_no INT NOT NULL,
  carrier VARCHAR(50),
  shipped_on DATE,
  FOREIGN KEY (order_id, line_no) REFERENCES order_items (order_id, line_no)
);
CREATE TABLE `Order Notes` (note_id INT PRIMARY KEY, order_id INT NOT NULL, `Note Text` TEXT, FOREIGN KEY (order_id) REFERENCES orders (order_id));
CREATE VIEW order_totals AS
  SELECT o.order_id, o.customer_id, SUM(i.qty * i.unit_price) AS total
  FROM orders o JOIN order_items i ON i.order_id = o.order_id GROUP BY o.order_id, o.customer_id;
CREATE VIEW `Big Spenders` AS SELECT customer_id, SUM(total) AS spent FROM order_totals GROUP BY customer_id HAVING SUM(total) > 100;

CREATE FUNCTION price_with_tax(amount DECIMAL(10,2), rate DECIMAL(4,3)) RETURNS DECIMAL(12,2) DETERMINISTIC
  RETURN ROUND(amount * (1 + rate), 2);
CREATE FUNCTION normalizeEmail(e VARCHAR(200)) RETURNS VARCHAR(200) DETERMINISTIC RETURN LOWER(TRIM(e));
CREATE PROCEDURE restock(IN p_product INT, IN p_qty INT)
BEGIN
  UPDATE products SET price = price WHERE product_id = p_product;
END;
CREATE PROCEDURE customer_stats(IN p_customer INT, OUT order_count INT)
BEGIN
  SELECT COUNT(*) INTO order_count FROM orders WHERE customer_id = p_customer;
END;

-- music: another database, referenced from the shop
CREATE TABLE sqlsh_music.artists (artist_id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
CREATE TABLE sqlsh_music.albums (album_id INT PRIMARY KEY, artist_id INT NOT NULL, title VARCHAR(200), released YEAR,
  FOREIGN KEY (artist_id) REFERENCES sqlsh_music.artists (artist_id));
CREATE TABLE sqlsh_music.tracks (track_id INT PRIMARY KEY, album_id INT, title VARCHAR(200) NOT NULL, durationMs INT,
  genre ENUM('rock', 'jazz', 'pop', 'classical'),
  FOREIGN KEY (album_id) REFERENCES sqlsh_music.albums (album_id));
CREATE FUNCTION sqlsh_music.track_count(p_album INT) RETURNS INT READS SQL DATA
  RETURN (SELECT COUNT(*) FROM sqlsh_music.tracks WHERE album_id = p_album);
CREATE TABLE product_tracks (product_id INT NOT NULL, track_id INT NOT NULL, PRIMARY KEY (product_id, track_id),
  FOREIGN KEY (product_id) REFERENCES products (product_id),
  FOREIGN KEY (track_id) REFERENCES sqlsh_music.tracks (track_id));

-- HR: a mixed-case database name, a self reference, a cross-database reference
CREATE TABLE sqlsh_HR.departments (dept_id INT PRIMARY KEY, dept_name VARCHAR(100) NOT NULL);
CREATE TABLE sqlsh_HR.Employees (
  emp_id INT PRIMARY KEY,
  full_name VARCHAR(100) NOT NULL,
  manager_id INT,
  dept_id INT,
  user_id INT,
  salary DECIMAL(12,2),
  hiredOn DATE,
  FOREIGN KEY (manager_id) REFERENCES sqlsh_HR.Employees (emp_id),
  FOREIGN KEY (dept_id) REFERENCES sqlsh_HR.departments (dept_id),
  FOREIGN KEY (user_id) REFERENCES sqlsh_shop.users (id)
);
CREATE VIEW sqlsh_HR.team AS SELECT e.emp_id, e.full_name, m.full_name AS manager_name FROM sqlsh_HR.Employees e LEFT JOIN sqlsh_HR.Employees m ON m.emp_id = e.manager_id;

INSERT INTO users (name, email) VALUES ('Ada', 'ada@example.com'), ('Linus', 'linus@example.com');
INSERT INTO customers (full_name, email, user_id) VALUES ('Ada Lovelace', 'ada@example.com', 1);
INSERT INTO products (sku, title, price) VALUES ('A-1', 'Analytical Engine', 1000.00), ('B-2', 'Punch cards', 2.50);
INSERT INTO orders (customer_id, status) VALUES (1, 'paid');
INSERT INTO order_items VALUES (1, 1, 1, 1, 1000.00), (1, 2, 2, 100, 2.50);
CREATE SEQUENCE sqlsh_shop.invoice_numbers;
