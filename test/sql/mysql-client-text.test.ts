/** The text the mariadb client sends for a statement (comments dropped), read from a MariaDB general query log. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mysqlClientText } from '../../src/sql/mysql-client-text.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';

const lex = mysqlDialect.lex;

test('comments dropped as the mariadb client drops them; executable comments, hints, strings kept', () => {
  const cases: [string, string][] = [
    ['select 1 /* inline */ as a', 'select 1  as a'],
    ['select 1/* c */as a', 'select 1 as a'],
    ['select 2 /* c */as b', 'select 2  as b'],
    ['select 3/* c */ as c', 'select 3 as c'],
    ['select 5 as e /* c1 */ /* c2 */, 6 as f', 'select 5 as e   , 6 as f'],
    ['select 7 as g -- x\n, 8 as h', 'select 7 as g \n, 8 as h'],
    ['select 6#x\n as g', 'select 6\n as g'],
    ["create procedure p()\nbegin\n  -- inside\n  select 1; # hash\n  /* block\n     inside */\n  select 'x -- y';\nend", "create procedure p()\nbegin\n  \n  select 1; \n  \n  select 'x -- y';\nend"],
    ['select /*! STRAIGHT_JOIN */ 2 /*M!100000 + 0 */', 'select /*! STRAIGHT_JOIN */ 2 /*M!100000 + 0 */'],
    ['select 1 /*!40101 -- c\n +1 */ as y', 'select 1 /*!40101 \n +1 */ as y'],
    ['/*M!999999\\- enable the sandbox mode */ \n/*!40101 SET @x=1 */', '/*M!999999 enable the sandbox mode */ \n/*!40101 SET @x=1 */'],
    ['select /*+ MAX_EXECUTION_TIME(1000) */ 1', 'select /*+ MAX_EXECUTION_TIME(1000) */ 1'],
    ["select '-- no', \"# no\", `/* no */`", "select '-- no', \"# no\", `/* no */`"],
  ];
  for (const [sql, sent] of cases) assert.equal(mysqlClientText(sql, lex), sent, sql);
});
