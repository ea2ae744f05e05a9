import net from 'node:net';

/**
 * A port on 127.0.0.1 that nothing listens on: taken from the system, then given back.
 * Another process could take it in between; on loopback with ephemeral ports that is rare
 * enough for a test that only needs "connection refused".
 */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
