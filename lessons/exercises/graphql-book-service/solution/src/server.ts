/** The GraphQL book service: Apollo Server's standalone HTTP server on PORT (default 4000). */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { resolvers, typeDefs } from './schema.js';

const server = new ApolloServer({ typeDefs, resolvers });
const port = Number(process.env.PORT ?? 4000);
const { url } = await startStandaloneServer(server, { listen: { port } });
console.log(`GraphQL book service ready at ${url}`);
