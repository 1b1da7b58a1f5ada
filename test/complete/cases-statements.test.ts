/**
 * The statement under the cursor comes from the shared splitter: MySQL DELIMITER scripts, trigger and
 * procedure bodies, dollar quotes, backslash terminators and several statements in one buffer.
 */
import { runCases, type Case } from './case-runner.js';

const cases: Case[] = [
  // trigger bodies (SQLite, MySQL without DELIMITER): the inner statement under the cursor, not the trigger header
  { q: 'CREATE TRIGGER tr AFTER INSERT ON albums BEGIN UPDATE tracks SET | ; END;', engines: ['sqlite', 'mysql'], has: ['milliseconds'], not: ['title'] },
  { q: 'CREATE TRIGGER tr AFTER INSERT ON albums BEGIN\n  UPDATE artists SET name = 1;\n  DELETE FROM tracks WHERE |;\nEND;', engines: ['sqlite', 'mysql'], has: ['milliseconds'], not: ['title', 'artist_id'] },
  { q: 'CREATE TRIGGER tr AFTER INSERT ON albums BEGIN\n  INSERT INTO genres (|', engines: ['sqlite', 'mysql'], has: ['genre_id', 'name'], not: ['title'] },
  { q: 'CREATE TRIGGER tr AFTER INSERT ON albums BEGIN SELECT * FROM |', engines: ['sqlite', 'mysql'], has: ['tracks', 'genres'] },
  { q: 'CREATE TRIGGER tr AFTER INSERT ON albums BEGIN SELECT CASE WHEN 1 THEN 2 END FROM tracks; END;\nSELECT | FROM genres', engines: ['sqlite', 'mysql'], has: ['genre_id'], not: ['milliseconds', 'title'] },
  { q: 'CREATE TRIGGER tr AFTER INSERT ON |', engines: ['sqlite', 'mysql'], has: ['albums'] },
  { q: 'CREATE TEMP TRIGGER tr BEFORE UPDATE ON albums WHEN | BEGIN SELECT 1; END;', engines: ['sqlite'], not: ['milliseconds'] },
  // MySQL DELIMITER scripts
  { q: 'DELIMITER //\nSELECT * FROM artists //\nSELECT | FROM genres //', engines: ['mysql'], has: ['genre_id'], not: ['artist_id'] },
  { q: 'DELIMITER //\nSELECT | FROM artists //\nSELECT * FROM genres //', engines: ['mysql'], has: ['artist_id'], not: ['genre_id'] },
  { q: 'DELIMITER //\nSELECT * FROM genres //\nSELECT * FROM |', engines: ['mysql'], has: ['tracks', 'albums'] },
  { q: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN\n  SELECT 1;\n  SELECT | FROM tracks;\nEND //\nDELIMITER ;\nSELECT * FROM artists;', engines: ['mysql'], has: ['milliseconds'], not: ['artist_id'] },
  { q: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN\n  UPDATE albums SET title = 1;\n  UPDATE tracks SET |\nEND //', engines: ['mysql'], has: ['milliseconds'], not: ['title'] },
  { q: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //\nDELIMITER ;\nSELECT | FROM genres;', engines: ['mysql'], has: ['genre_id'], not: ['milliseconds'] },
  { q: 'DELIMITER //\n|', engines: ['mysql'], has: ['SELECT'] },
  // MySQL \G and \g end statements
  { q: 'SELECT * FROM artists\\G SELECT | FROM genres;', engines: ['mysql'], has: ['genre_id'], not: ['artist_id'] },
  { q: 'SELECT * FROM artists \\g\nSELECT * FROM genres WHERE |', engines: ['mysql'], has: ['genre_id'], not: ['artist_id'] },
  // PostgreSQL: dollar-quoted bodies hold their semicolons
  { q: "SELECT * FROM artists;\nCREATE FUNCTION f() RETURNS int AS $$ select 1; select 2; $$ LANGUAGE sql;\nSELECT | FROM genres", engines: ['postgres', 'duckdb'], has: ['genre_id'], not: ['artist_id'] },
  { q: 'SELECT * FROM artists \\gx\nSELECT | FROM genres', engines: ['postgres'], has: ['genre_id'], not: ['artist_id'] },
  // several statements, cursor in the middle one, with whitespace before the terminator
  { q: 'SELECT * FROM artists;\nSELECT * FROM genres WHERE | ;\nSELECT * FROM tracks;', has: ['genre_id'], not: ['artist_id', 'milliseconds'] },
  { q: 'SELECT * FROM artists; SELECT * FROM genres g WHERE g.|; SELECT * FROM tracks;', has: ['genre_id'], not: ['artist_id', 'milliseconds'] },
  { q: "SELECT ';' FROM artists; SELECT * FROM genres WHERE |", has: ['genre_id'], not: ['artist_id'] },
];

runCases('statement boundaries from the splitter', cases);
