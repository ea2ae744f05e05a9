/** `awt-demo bench`, in English. lessons/bench/de.ts has the same keys. */
export const en = {
  cli: {
    description: 'throughput and latency of the book list per paradigm, against bare node:http as the ceiling',
    duration: 'seconds of load per paradigm, after a short warm-up (default 3)',
    concurrency: 'connections sending at the same time (default 10)',
    only: 'the paradigms to run, comma-separated (reference, rest, graphql, soap, websocket, mq); the reference always runs',
    json: 'print the figures as JSON (progress still goes to stderr)',
    amqpUrl: 'the AMQP broker for the mq row (default: $AMQP_URL, else amqp://guest:guest@127.0.0.1:5672)',
  },
  title: 'Throughput and latency: the list of books, per paradigm',
  setup: (p: { concurrency: number; seconds: string; warmup: string }) =>
    `${p.concurrency} connections, each sending its next request as soon as its last answer has arrived; ` +
    `${p.seconds}\u00a0s per paradigm after ${p.warmup}\u00a0s of warm-up; everything on 127.0.0.1.`,
  noTap: 'No wire tap here: the load goes straight to the servers, so recording the trace slows none of them.',
  columns: {
    paradigm: 'paradigm',
    rps: 'req/s',
    ratio: '× node:http',
    latency: 'latency in ms',
    median: 'median',
    p90: 'p90',
    p99: 'p99',
    max: 'max',
    bytes: 'B/answer',
    operation: 'request',
  },
  legendHeading: 'What each row sends:',
  referenceOperation: 'GET /v1/books, answered with the REST list as fixed bytes',
  skippedCell: 'skipped',
  findings: {
    row: (p: { name: string; percent: string; micros: string; extra: string }) =>
      `${p.name} reaches ${p.percent} % of bare node:http’s rate and takes ${p.micros} µs of CPU per request, ${p.extra} µs more.`,
    /** The same, for a row that needs less CPU per request than the reference (`extra` is the difference, positive). */
    rowBelow: (p: { name: string; percent: string; micros: string; extra: string }) =>
      `${p.name} reaches ${p.percent} % of bare node:http’s rate and takes ${p.micros} µs of CPU per request, ${p.extra} µs less.`,
    why: {
      rest: 'express routes the request, turns the list into JSON and hashes it for the ETag, every time.',
      graphql: 'graphql-http parses and validates the query, then resolves every field of every book, every time.',
      soap: 'The envelope is parsed twice (the demo’s strict check, then the soap package) and the answer written as XML, every time.',
      websocket:
        'After the one handshake there is no HTTP: a request is one small text frame and the answer one frame with a ' +
        '4-byte header, so neither side parses an HTTP message, as even the reference does twice per request. The ' +
        'ceiling is HTTP’s; WebSocket can pass it.',
      mq:
        'Each request passes through RabbitMQ twice (to the service’s queue, then the reply to the client’s channel). ' +
        'The broker is a process of its own: its CPU time is not in this figure, yet it runs on the same cores.',
    } as Record<string, string>,
  },
  errors: (p: { name: string; errors: string; total: string; first: string }) =>
    `${p.name}: ${p.errors} of ${p.total} requests failed; the first because: ${p.first}`,
  busy: (p: { load: string; cpus: number }) =>
    `The machine was busy when the run began (load average ${p.load} on ${p.cpus} cores): req/s, latencies and ` +
    'even the CPU time per request will differ from run to run.',
  skipped: (p: { name: string; reason: string }) => `${p.name} was skipped: ${p.reason}`,
  notes: {
    reference:
      'node:http is the reference: bare node:http answering with exactly the bytes of the REST list, computed once. ' +
      'No HTTP server in node does less per request, so its row is the most this machine and this load generator can ' +
      'measure over HTTP: the ceiling. WebSocket and AMQP send no HTTP request per operation and can pass it.',
    reading:
      '× node:http = requests per second divided by the reference’s. Latency runs from sending a request to the ' +
      'last byte of its answer; p90 and p99: 90 % and 99 % of the requests were at least this fast.',
    threads:
      'The servers run on the main thread, the load generator on a thread of its own in the same process, ' +
      'so client and server do not take turns on one thread. CPU time is the whole process’s: it counts the ' +
      'client’s work too, which is most of the reference’s.',
    machine: (p: { node: string; cpus: number; model: string; load: string }) =>
      `node ${p.node}, ${p.cpus} CPU cores (${p.model}), load average ${p.load} at the start. Other programs ` +
      'change the figures: compare the rows of one run, not runs with each other.',
  },
  progress: {
    warmup: 'warm-up',
    measure: 'measuring',
    done: (p: { name: string; requests: string; seconds: string; rps: string }) =>
      `${p.name}: ${p.requests} requests in ${p.seconds} s, ${p.rps} req/s`,
    skipped: (p: { name: string }) => `${p.name}: skipped`,
  },
};

export type BenchLesson = typeof en;
