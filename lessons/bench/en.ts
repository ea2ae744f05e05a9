/** What bench explains, in English: why each paradigm costs what it costs, and how to read the figures. de.ts has the same keys. */
export const en = {
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
  notes: {
    reference:
      'node:http is the reference: bare node:http answering with exactly the bytes of the REST list, computed once. ' +
      'No HTTP server in node does less per request, so its row is the most this machine and this load generator can ' +
      'measure over HTTP: the ceiling. WebSocket and AMQP send no HTTP request per operation and can pass it.',
    reading:
      '× node:http = requests per second divided by the reference’s. Latency runs from sending a request to the ' +
      'last byte of its answer; p90 and p99: 90% and 99% of the requests were at least this fast.',
    threads:
      'The servers run on the main thread, the load generator on a thread of its own in the same process, ' +
      'so client and server do not take turns on one thread. CPU time is the whole process’s: it counts the ' +
      'client’s work too, which is most of the reference’s.',
    machine: (p: { node: string; cpus: number; model: string; load: string }) =>
      `node ${p.node}, ${p.cpus} CPU cores (${p.model}), load average ${p.load} at the start. Other programs ` +
      'change the figures: compare the rows of one run, not runs with each other.',
  },
};

export type BenchLesson = typeof en;
