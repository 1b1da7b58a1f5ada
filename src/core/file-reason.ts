/**
 * The reason a file could not be opened or written, in words ('no such file or directory'), for
 * messages like `cannot read "x.sql": no such file or directory`. Unknown errors keep Node's message.
 */
const REASONS: Readonly<Record<string, string>> = Object.freeze({
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'it already exists',
});

export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code]!;
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]!;
}

/** The C library's words (strerror), which psql and the other C clients print: 'No such file or directory'. */
const C_WORDS: Readonly<Record<string, string>> = Object.freeze({
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EEXIST: 'File exists',
});

export function strerror(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code && C_WORDS[code]) || fileErrorReason(e);
}
