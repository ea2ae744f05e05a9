/** The steps in the order of the lecture: from the monolith to the services, their patterns, their price, their deployment. */
import type { MicroStep } from './step.js';
import { bffStep } from './steps/bff.js';
import { deployStep } from './steps/deploy.js';
import { deploymentStep } from './steps/deployment.js';
import { discoveryStep } from './steps/discovery.js';
import { gatewayStep } from './steps/gateway.js';
import { graphqlStep } from './steps/graphql.js';
import { isolationStep } from './steps/isolation.js';
import { monolithStep, splitStep } from './steps/monolith.js';
import { priceStep } from './steps/price.js';
import { sagaStep } from './steps/saga.js';

export const microSteps: MicroStep[] = [
  monolithStep,
  splitStep,
  discoveryStep,
  gatewayStep,
  bffStep,
  graphqlStep,
  isolationStep,
  deploymentStep,
  sagaStep,
  priceStep,
  deployStep,
];
