/**
 * What \\password sends to PostgreSQL instead of the password: the verifier the server stores, computed
 * here as libpq's PQencryptPasswordConn does, so the password itself never crosses the connection or
 * reaches the server's log. SCRAM-SHA-256 (RFC 5802 / 7677) or, where the server still hashes with
 * it, md5.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

export const SCRAM_ITERATIONS = 4096;

/** `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, base64, with a fresh 16-byte salt unless one is given. */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = SCRAM_ITERATIONS): string {
  // SASLprep, as far as it changes anything in practice: compatibility forms folded (NFKC)
  const salted = pbkdf2Sync(Buffer.from(password.normalize('NFKC'), 'utf8'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** PostgreSQL's old `md5` + md5(password || user). */
export function md5Verifier(password: string, user: string): string {
  return `md5${createHash('md5').update(password + user, 'utf8').digest('hex')}`;
}
