/** psql's VERBOSITY and SHOW_CONTEXT, as the session's variables set them, for how a statement's error is printed. */
import type { ErrorStyle } from '../output/error-format.js';
import { specialSetting } from '../sql/special-variables.js';
import type { Session } from './session.js';

export function errorStyle(session: Session): ErrorStyle {
  const verbosity = specialSetting(session.variables, 'VERBOSITY') as ErrorStyle['verbosity'];
  const context = specialSetting(session.variables, 'SHOW_CONTEXT');
  return { verbosity, context: context !== 'never', noticeContext: context === 'always' };
}
