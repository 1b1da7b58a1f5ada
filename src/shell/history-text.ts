/**
 * What goes into the history file for a submitted text: the text itself, except that passwords in
 * connection commands (\c postgres://alice:secret@db/shop, \c "host=db password=secret") are
 * replaced by '***'. The README promises that passwords never reach the history. SQL lines are
 * kept exact: a URI inside a string literal is data, not a credential of ours.
 */
const CONNECT_LINE = /^\s*\\(c|connect)(\s|$)/;
const URI_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)([^\s@/'"]*)@/gi;
const PARAM_PASSWORD = /((?:^|[?&\s'"])password\s*=\s*)('[^']*'|"[^"]*"|[^&\s'"]*)/gi;

export function historyText(text: string): string {
  return text
    .split('\n')
    .map((line) => (CONNECT_LINE.test(line) ? line.replace(URI_PASSWORD, '$1***@').replace(PARAM_PASSWORD, '$1***') : line))
    .join('\n');
}
