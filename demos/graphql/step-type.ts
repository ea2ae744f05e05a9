import type { Step } from '../core/demo.js';
import type { GraphqlLesson } from '../../lessons/graphql/en.js';
import type { GraphqlSession } from './session.js';

/** A step of the GraphQL scenario, with its session and lesson. */
export type GraphqlStep = Step<GraphqlSession, GraphqlLesson>;
