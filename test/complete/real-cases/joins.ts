/** Join suggestions (foreign-key partners not yet joined first) and join conditions after ON. */
import type { Case } from '../case-runner.js';
import { dkA, myA, pg, pgA, slA } from '../real-case-builders.js';

const ctx = { context: 'joins' };

export const joinCases: Case[] = [
  pgA('SELECT * FROM orders o JOIN |', ['customers c ON c.customer_id = o.customer_id', 'order_items oi ON oi.order_id = o.order_id'], [], ctx),
  pg('SELECT * FROM orders o JOIN |', [], [], { ...ctx, firstKind: 'join' }),
  pgA('SELECT * FROM orders JOIN |', ['customers ON customers.customer_id = orders.customer_id'], [], ctx),
  pgA('SELECT * FROM order_items i JOIN |', ['orders o ON o.order_id = i.order_id', 'products p ON p.product_id = i.product_id', 'shipments s ON s.order_id = i.order_id AND s.line_no = i.line_no'], [], ctx),
  pgA('SELECT * FROM shipments s JOIN |', ['order_items oi ON oi.order_id = s.order_id AND oi.line_no = s.line_no'], [], ctx),
  pgA('SELECT * FROM hr.employees e JOIN |', ['hr.departments d ON d.dept_id = e.dept_id', 'hr.employees e2 ON e2.manager_id = e.emp_id', 'users u ON u.id = e.user_id'], [], ctx),
  pgA('SELECT * FROM users u JOIN |', ['audit_log al ON al.user_id = u.id', 'customers c ON c.user_id = u.id', 'hr.employees e ON e.user_id = u.id'], [], ctx),
  pgA('SELECT * FROM music.albums a JOIN |', ['music.artists a2 ON a2.artist_id = a.artist_id', 'music.tracks t ON t.album_id = a.album_id'], [], ctx),
  pgA('SELECT * FROM "Custom"."Widgets" w JOIN |', ['"Custom".settings s ON s.id = w.settings_id'], [], ctx),
  // a partner not yet joined comes before one already in the query
  pg('SELECT * FROM orders o JOIN customers c ON c.customer_id = o.customer_id JOIN |', [], [], { ...ctx, order: ['order_items oi ON oi.order_id = o.order_id', 'customers c2 ON c2.customer_id = o.customer_id'] }),
  pg('SELECT * FROM orders o JOIN customers c ON c.customer_id = o.customer_id JOIN |', ['users u ON u.id = c.user_id'], [], ctx),
  pgA('SELECT * FROM orders o JOIN customers c ON |', ['c.customer_id = o.customer_id'], [], ctx),
  pg('SELECT * FROM orders o JOIN customers c ON |', [], [], { ...ctx, first: 'c.customer_id = o.customer_id' }),
  pgA('SELECT * FROM order_items i JOIN shipments s ON |', ['s.order_id = i.order_id AND s.line_no = i.line_no'], [], ctx),
  pgA('SELECT * FROM orders o LEFT JOIN order_items i ON |', ['i.order_id = o.order_id'], [], ctx),
  pgA('SELECT * FROM orders o JOIN customers c ON c.customer_id = o.customer_id AND | IS NULL', ['c.customer_id = o.customer_id', 'status'], [], ctx),
  pgA('SELECT * FROM users JOIN audit_log ON |', ['audit_log.user_id = users.id'], [], ctx),
  pgA('SELECT * FROM shop.orders JOIN shop.customers ON |', ['shop.customers.customer_id = shop.orders.customer_id'], [], ctx),
  pgA('WITH t AS (SELECT order_id FROM orders) SELECT * FROM order_items i JOIN t ON |', ['t.order_id = i.order_id'], [], ctx),
  myA('SELECT * FROM orders o JOIN |', ['customers c ON c.customer_id = o.customer_id', 'order_items oi ON oi.order_id = o.order_id', '`Order Notes` on2 ON on2.order_id = o.order_id'], [], ctx),
  myA('SELECT * FROM product_tracks p JOIN |', ['sqlsh_music.tracks t ON t.track_id = p.track_id', 'products p2 ON p2.product_id = p.product_id'], [], ctx),
  myA('SELECT * FROM sqlsh_HR.Employees e JOIN |', ['sqlsh_HR.departments d ON d.dept_id = e.dept_id', 'users u ON u.id = e.user_id'], [], ctx),
  myA('SELECT * FROM orders o JOIN customers c ON |', ['c.customer_id = o.customer_id'], [], ctx),
  slA('SELECT * FROM albums al JOIN |', ['Artists a ON a.ArtistId = al.artist_id', 'tracks t ON t.album_id = al.album_id'], [], ctx),
  slA('SELECT * FROM order_items i JOIN |', ['products p ON p.product_id = i.product_id'], [], ctx),
  slA('SELECT * FROM employees e JOIN |', ['departments d ON d.dept_id = e.dept_id', 'employees e2 ON e2.manager_id = e.emp_id'], [], ctx),
  slA('SELECT * FROM orders o JOIN customers c ON |', ['c.customer_id = o.customer_id'], [], ctx),
  dkA('SELECT * FROM shop.orders o JOIN |', ['shop.customers c ON c.customer_id = o.customer_id', 'shop.order_items oi ON oi.order_id = o.order_id'], [], ctx),
  dkA('SELECT * FROM hr.employees e JOIN |', ['hr.departments d ON d.dept_id = e.dept_id'], [], ctx),
  dkA('SELECT * FROM shop.orders o JOIN shop.customers c ON |', ['c.customer_id = o.customer_id'], [], ctx),
  // NATURAL JOIN and CROSS JOIN take no ON condition: only tables
  pgA('SELECT * FROM orders o NATURAL JOIN |', ['customers', 'order_items'], ['customers c ON c.customer_id = o.customer_id'], ctx),
  pgA('SELECT * FROM orders o CROSS JOIN |', ['customers'], ['customers c ON c.customer_id = o.customer_id'], ctx),
  pgA('SELECT * FROM orders o NATURAL LEFT JOIN |', ['customers'], ['customers c ON c.customer_id = o.customer_id'], ctx),
  slA('SELECT * FROM orders o NATURAL JOIN |', ['customers'], ['customers c ON c.customer_id = o.customer_id'], ctx),
  myA('SELECT * FROM orders o CROSS JOIN |', ['customers'], ['customers c ON c.customer_id = o.customer_id'], ctx),
  dkA('SELECT * FROM shop.orders o POSITIONAL JOIN |', ['shop.customers'], ['shop.customers c ON c.customer_id = o.customer_id'], ctx),
];
