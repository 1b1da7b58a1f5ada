/**
 * Did a write fail because the reader went away (`sqlsh ... | head`)? Then the output stops quietly
 * and the process ends with 0, as other shells do.
 *
 * A pipe says EPIPE. A socket (what Node's child_process, and many supervisors, give as stdout)
 * says ECONNRESET instead when the reader closed it with bytes still unread: the first write after
 * that fails with ECONNRESET, the next with EPIPE. Both mean the same thing here.
 */
export function isReaderGone(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ECONNRESET';
}
