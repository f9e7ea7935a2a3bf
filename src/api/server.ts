/**
 * The API's own HTTP server, for Socket Mode (where Bolt has no HTTP server of ours). Bolt 5.1's
 * SocketModeReceiver can serve custom routes, but it listens on every interface without waiting
 * for the port, and an EADDRINUSE there is an uncaught exception; this server binds `host`,
 * resolves once listening, and rejects with a clear error.
 */
import { createServer, type Server } from 'node:http';
import { AppError } from '../domain/errors';
import type { NodeHandler } from './http';

export async function startApiServer(handle: NodeHandler, port: number, host?: string): Promise<Server> {
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new AppError('CONFIG_INVALID', `The API cannot listen on port ${port} (${error.code ?? error.message}). Set PORT to a free port.`, { cause: error }));
    });
    server.listen(port, host, () => resolve());
  });
  return server;
}

export function stopApiServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
