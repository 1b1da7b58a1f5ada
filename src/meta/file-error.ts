/**
 * The reason a file could not be opened, in words ('no such file or directory'), for messages like
 * `\i: cannot read "x.sql": no such file or directory`. Unknown errors keep Node's own message.
 */
const REASONS: Readonly<Record<string, string>> = Object.freeze({
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
});

export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code]!;
  return e instanceof Error ? e.message : String(e);
}
