import { printSchema } from 'graphql';
import { defineDemo } from '../core/demo.js';
import { BookStore } from '../books/store.js';
import { de } from '../../lessons/graphql/de.js';
import { en } from '../../lessons/graphql/en.js';
import { graphqlSteps } from './scenario.js';
import { createSchema } from './schema.js';
import { serveGraphql, startGraphql } from './session.js';

export const demo = defineDemo({
  id: 'graphql',
  lessons: { en, de },
  start: startGraphql,
  steps: graphqlSteps,
  serve: serveGraphql,
  contract: async () => printSchema(createSchema(new BookStore())),
});
