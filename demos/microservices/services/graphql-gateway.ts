/**
 * The GraphQL gateway: it reads the schemas of the catalog and reviews services
 * (introspection, on start) and stitches them into one (@graphql-tools/stitch, MIT).
 * Both define `Book`; the gateway merges the two by id, so one query for a book with
 * its reviews fans out to both services. Apollo Federation does the same with
 * @key directives; its gateway is under the Elastic License, hence stitching here.
 */
import type { ExecutionRequest } from '@graphql-tools/utils';
import { createResolver } from '../runtime/discovery.js';
import { graphqlEndpoint, type Executable } from '../runtime/graphql-endpoint.js';
import { runService } from '../runtime/service-runtime.js';
import type { ServiceClient } from '../runtime/service-client.js';
import type { TraceContext } from '../runtime/trace-context.js';

let schema: Promise<Executable> | undefined;

async function stitch(client: ServiceClient, registryUrl: string): Promise<Executable> {
  const [{ print }, { stitchSchemas }, { schemaFromExecutor }] = await Promise.all([
    import('graphql'),
    import('@graphql-tools/stitch'),
    import('@graphql-tools/wrap'),
  ]);
  const resolver = createResolver(client, registryUrl);
  const executor = (service: string) => async (request: ExecutionRequest) => {
    const trace = (request.context as { trace?: TraceContext } | undefined)?.trace;
    const [instance] = await resolver.ordered(service, trace);
    if (!instance) throw new Error(`no instance of ${service} is registered`);
    const reply = await client.call(`${instance.url}/graphql`, {
      method: 'POST',
      body: { query: print(request.document), variables: request.variables },
      // Introspection at start meets services still compiling their schema: generous, and still bounded.
      timeoutMs: 5000,
      ...(trace ? { trace } : {}),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return reply.json as any;
  };
  const subschema = async (service: string, fieldName: string) => {
    const execute = executor(service);
    return {
      schema: await schemaFromExecutor(execute),
      executor: execute,
      merge: { Book: { fieldName, selectionSet: '{ id }', args: (book: { id: string }) => ({ id: book.id }) } },
    };
  };
  const stitched = stitchSchemas({
    subschemas: [await subschema('catalog', 'book'), await subschema('reviews', 'bookReviews')],
  });
  return { schema: stitched };
}

await runService({
  preload: () => Promise.all([import('graphql'), import('@graphql-tools/stitch'), import('@graphql-tools/wrap')]),
  async setUp(env, client) {
    schema = stitch(client, env.registryUrl ?? '');
    await schema;
  },
  async handle(request, response, { url, trace }) {
    if (url.pathname !== '/graphql' || !schema) return false;
    const loaded = schema;
    await graphqlEndpoint(() => loaded, { trace })(request, response);
  },
});
