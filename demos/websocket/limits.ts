import { WebSocketServer } from 'ws';

/** The largest message the server accepts; a bigger one is answered with close 1009 (RFC 6455 §7.4.1). */
export const maxMessageBytes = 64 * 1024;

/**
 * A WebSocket server that shares the HTTP server's port (the upgrade is routed to it).
 * perMessageDeflate is off: with compression (RFC 7692) the payloads would be deflated
 * bytes with RSV1 set, and the trace could not show what was said.
 */
export function createWss(): WebSocketServer {
  return new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: maxMessageBytes });
}
