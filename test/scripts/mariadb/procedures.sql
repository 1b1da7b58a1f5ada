-- MariaDB procedures and triggers with DELIMITER, the delimiter right after END; sql_mode changes
create table accounts (id int primary key, balance int not null, note varchar(50));
create table audit (id int auto_increment primary key, msg varchar(100));
DELIMITER $$
CREATE PROCEDURE deposit(IN acc INT, IN amount INT)
BEGIN
  UPDATE accounts SET balance = balance + amount WHERE id = acc;
  INSERT INTO audit (msg) VALUES (CONCAT('deposit;', acc, '$$'));
END$$
CREATE TRIGGER accounts_ins AFTER INSERT ON accounts FOR EACH ROW
BEGIN
  INSERT INTO audit (msg) VALUES (CONCAT('new account ', NEW.id));
END$$
DELIMITER ;
DELIMITER //
CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
BEGIN
  RETURN x * 2;
END//
DELIMITER ;
insert into accounts values (1, 10, 'it\'s'), (2, 20, "dq;str");
call deposit(1, 5);
SET sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES,NO_BACKSLASH_ESCAPES');
insert into "accounts" values (3, twice(15), 'back\slash;');
insert into "accounts" ("id", "balance", "note") values (5, 1, 'ends with\'); insert into audit (msg) values ('after;');
SET sql_mode = DEFAULT;
insert into accounts values (4, 1, "dq again\\");
