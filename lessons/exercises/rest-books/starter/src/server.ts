/** The REST book service on PORT (default 3000). */
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';

const server = createApp().listen(Number(process.env.PORT ?? 3000), () => {
  const { port } = server.address() as AddressInfo;
  console.log(`REST book service ready at http://localhost:${port}/`);
});
