/**
 * A connection argument with its password replaced by '***': the user:password@ of a URI and a
 * password=VALUE parameter (URI query, libpq key=value string, a --password=VALUE argument). One rule for the process title,
 * the history and messages.
 */
// The scheme starts where no scheme character precedes it: without that look-behind a long run of
// letters is tried from each of its positions (quadratic: a 100 kB argument took minutes).
const URI_PASSWORD = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)([^\s@/'"]*)@/gi;
const PARAM_PASSWORD = /((?:^|[?&\s'"]|^--)password\s*=\s*)('[^']*'|"[^"]*"|[^&\s'"]*)/gi;

export function maskConnectionPassword(text: string): string {
  return text.replace(URI_PASSWORD, '$1***@').replace(PARAM_PASSWORD, '$1***');
}
