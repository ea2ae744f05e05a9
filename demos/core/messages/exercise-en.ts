/** The words of `awt-demo exercise` in English; exercise-de.ts has the same keys. */
import { numberWords } from '../numbers.js';
export const exerciseEn = {
  commands: {
    exercise: 'exercises: build a service yourself, awt-demo checks it over the wire',
    list: 'the exercises and how far you are (read from awt-progress.json)',
    start: 'write the starter project of an exercise into a new folder',
    hint: 'one more hint for the first check that does not pass yet',
    check: "run the exercise's checks against your running server, through the wire tap",
    id: 'the exercise (see "awt-demo exercise list")',
    dir: (p: { dir: string }) => `the exercise folder (default: ${p.dir})`,
    url: "your server's address (default: the one the task names)",
    timeout: 'seconds each check may take (default 5; 15 for mq-order-worker)',
    json: 'print the result as JSON (for grading scripts)',
  },
  states: { 'not-started': 'not started', started: 'started', passed: 'passed' } as Record<string, string>,
  list: {
    heading: 'Exercises:',
    usage: 'Start one with: awt-demo exercise start <id>',
  },
  start: {
    wrote: (p: { exercise: string; dir: string }) => `The starter project of ${p.exercise} is in ${p.dir}:`,
    next: 'Next:',
    install: 'install the dependencies',
    run: 'start your server (it restarts on every change)',
    check: 'in a second terminal: check it',
    hint: 'stuck? one hint more each time',
    checkPrograms: 'check them: it starts two workers and the responder itself',
  },
  readme: {
    task: 'The task',
    steps: 'How to go about it',
    commands: 'Commands',
    install: 'Install the dependencies (once):',
    run: 'Start your server; it restarts whenever you save a file:',
    check: 'In a second terminal, check your server over the wire:',
    hint: 'Stuck? Each call shows one hint more:',
    tap: 'See what your own client sends, through the wire tap:',
    runPrograms:
      'Try your programs yourself, each in a terminal of its own (they connect to AMQP_URL, else RabbitMQ on this machine; `npx awt-demo broker` runs a broker that shows every frame):',
    checkPrograms:
      'Check them over the wire; the check starts two workers and the responder itself, from this folder, with queues of its own:',
    tapBroker:
      'See what your programs send, through the wire tap in front of RabbitMQ (then use the address it prints as AMQP_URL):',
    checks: 'What the checks expect',
    progress: 'awt-progress.json records which checks passed and when; your lecturer may collect it.',
  },
  hint: {
    heading: (p: { level: number; of: number; check: string }) => `Hint ${p.level} of ${p.of} for "${p.check}":`,
    more: (p: { command: string }) => `Still stuck? ${p.command} shows the next one.`,
    last: 'That was the last hint for this check; the task README and the demo (awt-demo <paradigm>) show the rest.',
    noProgress: (p: { file: string }) =>
      `No ${p.file} here, so hints cannot be counted: run this in the exercise folder.`,
    allPassed: 'Every check passed the last time: no hint needed.',
  },
  check: {
    heading: (p: { exercise: string; url: string }) => `Checking ${p.exercise} at ${p.url}, through the wire tap`,
    headingPrograms: (p: { exercise: string; dir: string; programs: string }) =>
      `Checking ${p.exercise} in ${p.dir}: starting ${p.programs}, connected to the broker through the wire tap`,
    expected: 'expected',
    got: 'got',
    hint: 'hint',
    advice: 'advice',
    traceCut: (p: { more: number }) => `… and ${numberWords('en').integer(p.more)} more items on the wire, not shown`,
    passed: (p: { passed: number; total: number }) => `${p.passed} of ${p.total} checks passed.`,
    allPassed: (p: { total: number }) => `All ${p.total} checks passed. Well done!`,
    noProgress: (p: { file: string }) => `No ${p.file} in this folder: the result was not recorded.`,
    recorded: (p: { file: string }) => `Recorded in ${p.file}.`,
  },
  /** What a server did instead, for the "got" line of a failing check. */
  said: {
    timeout: (p: { seconds: number }) => `no complete answer within ${p.seconds} s`,
    failedCall: (p: { detail: string }) => `the call failed: ${p.detail}`,
    tooLarge: (p: { mebibytes: number }) => `an answer over ${p.mebibytes} MiB (only the first MiB read)`,
    serverStopped: (p: { url: string; code: string }) =>
      `nothing answers at ${p.url} any more (${p.code}): is your server still running? Its terminal shows why it stopped`,
    status: (p: { status: number }) => `status ${p.status}`,
    notJson: (p: { status: number; contentType: string }) =>
      `status ${p.status}, a body that is not JSON (Content-Type: ${p.contentType || 'none'})`,
    errors: (p: { messages: string }) => `an errors array: ${p.messages}`,
    noErrors: 'no errors array',
    noData: 'no data in the response',
    value: (p: { path: string; value: string }) => `${p.path} = ${p.value}`,
    missing: (p: { what: string }) => `${p.what} is missing`,
    notListed: (p: { what: string }) => `the next query does not list ${p.what}`,
    schema: (p: { problems: string }) => `the body does not match the OpenAPI schema: ${p.problems}`,
    header: (p: { name: string; value: string }) => `${p.name}: ${p.value}`,
    noHeader: (p: { name: string }) => `no ${p.name} header`,
    signature: (p: { field: string; got: string; expected: string }) =>
      `${p.field} is declared as ${p.got}, the contract says ${p.expected}`,
    audits: (p: { failed: string }) => `MUST audits of GraphQL over HTTP fail: ${p.failed}`,
    should: (p: { id: string; name: string; reason: string }) => `${p.id} ${p.name} (${p.reason})`,
    notHeard: (p: { member: string; message: string }) => `${p.member} did not receive ${p.message}`,
    upgraded: 'the handshake succeeded (101 Switching Protocols)',
    stayedOpen: 'the connection stayed open (the server answered the next ping)',
    closed: (p: { code: number; reason: string }) =>
      `the connection closed with ${p.code}${p.reason ? ` "${p.reason}"` : ''}`,
    noPong: 'no pong (the server answered a later message)',
    empty: '(empty)',
    notXml: (p: { detail: string }) => `a body that is not well-formed XML: ${p.detail}`,
    fault: (p: { code: string; text: string }) => `a SOAP Fault: ${p.code} "${p.text}"`,
    noFault: (p: { answer: string }) => `an answer instead of a Fault: ${p.answer}`,
    programEnded: (p: { program: string; file: string; how: string; output: string }) =>
      `${p.program} (${p.file}) ended with ${p.how} before it consumed${p.output ? `; it wrote: ${p.output}` : ', without a word'}`,
    notConsuming: (p: {
      programs: string;
      queue: string;
      found: number;
      wanted: number;
      seconds: number;
      output: string;
    }) =>
      `after ${p.seconds} s, ${p.found} of ${p.wanted} consumers on ${p.queue} (${p.programs}): does the program connect to AMQP_URL and consume the queue named in the environment?${p.output ? ` It wrote: ${p.output}` : ''}`,
    noAck: (p: { connection: number }) =>
      `the worker on connection #${p.connection} consumes with no-ack: the broker counts each order as done the moment it sends it, and no Basic.Ack crosses the wire`,
    notDelivered: (p: { order: number }) => `order ${p.order} was never delivered to a worker`,
    neverAcked: (p: { order: number; connection: number }) =>
      `order ${p.order} was delivered on connection #${p.connection} and never acknowledged`,
    ackedTwice: (p: { order: number; connection: number; times: number }) =>
      `order ${p.order} was acknowledged ${p.times} times on connection #${p.connection}: the broker knows its delivery tag only once`,
    notAcked: (p: { order: number; method: string }) =>
      `order ${p.order} is a valid order, but got ${p.method} instead of Basic.Ack`,
    poisonAcked: (p: { order: number; connection: number }) =>
      `order ${p.order} (quantity -3, never packable) was acknowledged with Basic.Ack on connection #${p.connection}: the broker counts it as packed`,
    requeued: (p: { order: number; method: string }) =>
      `order ${p.order} (quantity -3, never packable) got ${p.method} with requeue: it would come back forever`,
    brokerClosed: (p: { connection: number; text: string }) =>
      `the broker closed a channel of connection #${p.connection}: ${p.text}`,
    noPrefetch: (p: { connection: number }) =>
      `the worker on connection #${p.connection} sent no Basic.Qos before its Basic.Consume: no prefetch limit`,
    prefetch: (p: { connection: number; count: number }) =>
      `the worker on connection #${p.connection} sent Basic.Qos prefetch-count=${p.count}`,
    heldTwo: (p: { connection: number; first: number; second: number }) =>
      `the worker on connection #${p.connection} got order ${p.second} while order ${p.first}, a slow one, was still unacknowledged`,
    idle: (p: { connection: number }) => `the worker on connection #${p.connection} got no order at all`,
    noReply: (p: { queue: string }) => `no reply: the responder published nothing after the requests on ${p.queue}`,
    replyElsewhere: (p: { exchange: string; routingKey: string; replyTo: string }) =>
      `the reply went to exchange "${p.exchange}" with routing key "${p.routingKey}", not to the default exchange with reply-to "${p.replyTo}"`,
    noCorrelationId: (p: { expected: string }) => `a reply without correlation-id (the request had ${p.expected})`,
    correlationId: (p: { got: string; expected: string }) =>
      `a reply with correlation-id ${p.got}, the request had ${p.expected}`,
    replyBody: (p: { got: string; expected: string }) => `the reply body ${p.got} instead of ${p.expected}`,
    contentType: (p: { got: string }) =>
      `the reply's content-type is ${p.got}; the rpc step sends application/json, which tells the client how to read the body`,
    ackedEarly: (p: { order: number; connection: number; ms: number; work: number }) =>
      `order ${p.order} was acknowledged on connection #${p.connection} within ${p.ms} ms, before its ${p.work} ms of packing were done; when that worker died, the order was lost`,
    notRedelivered: (p: { order: number; connection: number }) =>
      `after connection #${p.connection} died, order ${p.order} was not delivered again with redelivered=true`,
  },
};

export type ExerciseWords = typeof exerciseEn;
