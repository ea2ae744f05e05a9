import { closeStep, limitsStep, pingPongStep } from './steps/control.js';
import { graphqlSubscriptionStep } from './steps/graphql.js';
import { handshakeStep } from './steps/handshake.js';
import { broadcastStep, echoStep, pushStep } from './steps/messages.js';
import { securityStep } from './steps/security.js';
import { thenAndNowStep } from './steps/then-and-now.js';
import type { WebsocketStep } from './steps/types.js';

/** The steps, in the order the lecture tells the story. */
export const websocketSteps: WebsocketStep[] = [
  handshakeStep,
  echoStep,
  broadcastStep,
  pushStep,
  pingPongStep,
  limitsStep,
  closeStep,
  thenAndNowStep,
  graphqlSubscriptionStep,
  securityStep,
];
