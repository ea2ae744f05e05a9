import { defineDemo } from '../core/demo.js';
import { de } from '../../lessons/rest/de.js';
import { en } from '../../lessons/rest/en.js';
import { openApiDocument } from './openapi.js';
import { restSteps } from './scenario.js';
import { serveRest, startRest } from './session.js';

export const demo = defineDemo({
  id: 'rest',
  lessons: { en, de },
  start: startRest,
  steps: restSteps,
  serve: serveRest,
  contract: async () => JSON.stringify(openApiDocument(), null, 2),
});
