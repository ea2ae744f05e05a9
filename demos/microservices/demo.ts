import { defineDemo } from '../core/demo.js';
import { de } from '../../lessons/microservices/de.js';
import { en } from '../../lessons/microservices/en.js';
import { microSteps } from './scenario.js';
import { serveMicroservices } from './serve.js';
import { startMicroservices } from './session.js';

export const demo = defineDemo({
  id: 'microservices',
  lessons: { en, de },
  start: (options) =>
    startMicroservices({ ...options, graphqlAhead: true, spares: microSteps.flatMap((step) => step.spares ?? []) }),
  steps: microSteps,
  serve: serveMicroservices,
  deployFiles: async () => (await import('./deploy-files.js')).deployFiles(),
});
