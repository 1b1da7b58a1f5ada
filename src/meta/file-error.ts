/** The reason a file could not be opened, in words: one rule for the whole program (src/core/file-reason.ts). */
export { fileErrorReason } from '../core/file-reason.js';
