/**
 * An engine that honours ConnectionTarget.ssh: a target without it goes straight to the engine;
 * with it, the tunnel code (and ssh2) is loaded and the engine connects through the tunnel.
 */
import type { Connection, ConnectionTarget, ConnectOptions, Engine } from '../engine.js';

export function withSsh(engine: Engine): Engine {
  return Object.freeze({
    id: engine.id,
    async connect(target: ConnectionTarget, opts?: ConnectOptions): Promise<Connection> {
      if (!target.ssh) return engine.connect(target, opts);
      return (await import('./ssh-connect.js')).connectThroughSsh(engine, target, opts ?? {});
    },
    // Through a tunnel, the prompt waits for it: the tunnel may ask for a passphrase or a host key
    ...(engine.provisionalInfo ? { provisionalInfo: (target: ConnectionTarget, env: NodeJS.ProcessEnv) => (target.ssh ? undefined : engine.provisionalInfo!(target, env)) } : {}),
  });
}
