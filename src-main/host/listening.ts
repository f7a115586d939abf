import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starting and stopping the small servers the app runs on the room's network (the roundtable hub
 * and room mode): listen on one address and answer the port the system gave, or close with every
 * open connection cut, so "Turn off" means off at once.
 */
export function listenOn(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
