import { defineDemo } from '../core/demo.js';
import { de } from '../../lessons/websocket/de.js';
import { en } from '../../lessons/websocket/en.js';
import { websocketSteps } from './scenario.js';
import { serveWebsocket, startWebsocket } from './session.js';

export const demo = defineDemo({
  id: 'websocket',
  lessons: { en, de },
  start: startWebsocket,
  steps: websocketSteps,
  serve: serveWebsocket,
});
