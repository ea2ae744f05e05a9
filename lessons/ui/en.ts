/** Every line the tool itself prints, in English. lessons/ui/de.ts has the same keys. */
export const en = {
  program: {
    description:
      'See what really crosses the wire between clients and servers: REST, GraphQL, SOAP, WebSocket and message queues.',
    demoArgument: 'the demo to run (see "awt-demo list")',
    options: {
      step: 'walk through step by step: wait for Enter before each step (q quits)',
      json: 'print the whole trace as JSON (no colour, no prompts)',
      raw: 'show the exact bytes on the wire, control characters escaped',
      full: 'show long bodies in full instead of cutting them',
      lang: 'language of the output: de or en (default from LC_ALL/LANG)',
      noColor: 'no colour, even on a terminal (NO_COLOR works too)',
      width: 'columns to lay out for (default: the terminal width, else 100)',
      serve: 'start the demo server behind the tap and show every request anyone sends, until Ctrl-C',
      port: 'with --serve: the port to listen on (default: any free port)',
      schema: "print the demo's contract (GraphQL SDL, OpenAPI) and exit",
      amqpUrl: 'the AMQP broker for the mq demo (default: $AMQP_URL, else amqp://guest:guest@127.0.0.1:5672)',
    },
    commands: {
      list: 'list the demos',
      run: 'run a demo (the same as "awt-demo <demo>")',
    },
    help: {
      usage: '[options] [command] [demo]',
      version: 'print the version number',
      help: 'show this help',
      titles: {
        'Usage:': 'Usage:',
        'Arguments:': 'Arguments:',
        'Options:': 'Options:',
        'Commands:': 'Commands:',
        'Global Options:': 'Global options:',
      } as Record<string, string>,
    },
    examplesHeading: 'Examples:',
    /** Command → what it shows (the commands are the same in every language). */
    examples: {
      'awt-demo graphql': 'the GraphQL walkthrough, request beside response',
      'awt-demo rest --step': 'one step at a time, for class',
      'awt-demo rest --json > trace.json': 'the same facts as data',
      'awt-demo graphql --serve --port 4000': 'a live server; send your own requests',
      'awt-demo graphql --schema': 'the GraphQL schema (SDL)',
      'awt-demo list --json': 'the demos, for scripts',
    } as Record<string, string>,
  },
  list: {
    heading: 'Demos:',
    usage: 'Run one with: awt-demo <demo>   (awt-demo --help for all options)',
  },
  menu: {
    prompt: 'Which demo do you want to see?',
    keys: { navigate: 'navigate', select: 'select' },
  },
  errors: {
    AWT_UNKNOWN_DEMO: (p: { demo: string; ids: string }) => `Unknown demo "${p.demo}". The demos are: ${p.ids}.`,
    AWT_BAD_OPTION: (p: { option: string; value: string; expected: string }) =>
      `Invalid value "${p.value}" for ${p.option}: expected ${p.expected}.`,
    AWT_BAD_OPTION_hint: 'Run "awt-demo --help" for the options.',
    AWT_PORT_IN_USE: (p: { port: number }) => `Port ${p.port} is already in use.`,
    AWT_PORT_IN_USE_hint: 'Choose another with --port, or leave --port out to let the system pick one.',
    AWT_NO_SCHEMA: (p: { demo: string }) => `The ${p.demo} demo has no contract to print.`,
    AWT_NO_SERVE: (p: { demo: string }) => `The ${p.demo} demo has no server to keep running; run it without --serve.`,
    AWT_BROKER_UNREACHABLE: (p: { url: string; reason: string; detail: string }) => {
      const sentences: Record<string, string> = {
        refused: `No AMQP broker is reachable at ${p.url}: nothing accepts connections there (${p.detail}).`,
        timeout: `No AMQP broker is reachable at ${p.url}: no answer within ${p.detail}.`,
        'unknown-host': `No AMQP broker is reachable at ${p.url}: the host name is unknown (${p.detail}).`,
        login: `The AMQP broker at ${p.url} refused the login (${p.detail}).`,
        'not-amqp': `What answers at ${p.url} is not an AMQP 0-9-1 broker (${p.detail}).`,
        lost: `The connection to the AMQP broker at ${p.url} was lost (${p.detail}).`,
        stalled: `The AMQP broker at ${p.url} stopped answering (waited 5 s for ${p.detail}).`,
      };
      return sentences[p.reason] ?? `The AMQP broker at ${p.url} is not usable (${p.detail}).`;
    },
    AWT_BROKER_UNREACHABLE_hint:
      'Start RabbitMQ as in the lecture: docker run -d --hostname my-rabbit --name some-rabbit -p 5672:5672 -p 15672:15672 rabbitmq:3-management (or install the distribution package: sudo apt install rabbitmq-server), or name a running broker with --amqp-url or AMQP_URL.',
    AWT_INTERRUPTED: () => 'Interrupted. Every server and connection is closed.',
    bug: 'This is a bug in awt-demo, not something you did. Please report it with the lines above.',
  },
  render: {
    step: (p: { index: number; total: number }) => `Step ${p.index}/${p.total}`,
    notice: 'Notice',
    request: 'request',
    response: 'response',
    connection: (p: { id: number; nth: number }) =>
      p.nth === 1 ? `connection #${p.id}, new` : `connection #${p.id}, reused (${p.nth}.)`,
    noResponse: 'no response: the connection closed first',
    sizes: (p: { head: number; body: number }) => `${p.head} B head + ${p.body} B body`,
    chunked: (p: { content: number }) => `chunked, ${p.content} B of content`,
    took: (p: { ms: string }) => `${p.ms} ms`,
    cut: (p: { more: number }) => `… ${p.more} more lines (--full shows them)`,
    undecoded: (p: { bytes: number; reason: string }) => `${p.bytes} B not decoded: ${p.reason}`,
    summaryHeading: 'Summary',
    roundTrips: 'round trips',
    connections: 'TCP connections',
    bytesUp: 'bytes client → server',
    bytesDown: 'bytes server → client',
    stepTotals: (p: { trips: number; up: number; down: number }) =>
      `${p.trips} round trip${p.trips === 1 ? '' : 's'}, ${p.up} B up, ${p.down} B down`,
  },
  stepGate: {
    prompt: 'Enter: next step · q: quit',
    quit: 'Stopped. Every server and connection is closed.',
  },
  serve: {
    listening: (p: { demo: string; url: string }) =>
      `The ${p.demo} demo server listens on ${p.url} (behind the wire tap).`,
    tryThese: 'Try these in another terminal:',
    waiting: 'Every request anyone sends is shown below. Ctrl-C stops the server.',
  },
  interrupted: 'Interrupted. Every server and connection is closed.',
};

export type UiMessages = typeof en;
