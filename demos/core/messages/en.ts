/** Every line the tool itself prints, in English: help, errors, headings, labels. de.ts has the same keys. */
import type { ParadigmId } from '../paradigms.js';
import { exerciseEn } from './exercise-en.js';
import { numberWords } from '../numbers.js';

const numbers = numberWords('en');

type PerParadigm = Record<ParadigmId, string>;

export const en = {
  /** How this language writes numbers; every renderer takes them from here. */
  numbers,
  program: {
    description:
      'See what really crosses the wire between clients and servers: REST, GraphQL, SOAP, WebSocket and message queues.',
    tapUrl: 'the server to tap: http://host:port/… or amqp://user:password@host:port/vhost',
    demoArgument: 'the demo to run (see "awt-demo list")',
    options: {
      tapAssets: 'show the files of a page (HTML, JavaScript, CSS, images) in full, not one line each',
      tapPort: 'the port the tap listens on (default: any free port)',
      tapJson: 'one JSON object a line for each exchange or frame (no colour)',
      tapHar: 'also write the HTTP exchanges to <file> as HAR 1.2 (browser devtools import it); complete on Ctrl-C',
      only: 'only these paradigms, comma-separated (e.g. rest,graphql)',
      compareView:
        'microservices: instead of the paradigms, the same book page from the monolith and from the services, measured',
      case: 'only these use cases, comma-separated numbers 1–6',
      repeat: 'repetitions per use case for the latency median (default 5)',
      markdown: 'print Markdown (for slides)',
      csv: 'print CSV (for spreadsheets and scripts)',
      from: 'take the measured rows from a file written by "compare --json"',
      step: 'step by step: one screen per step on a terminal (its default); with --all or piped, a pause before each step (q quits)',
      all: 'print every step at once, also on a terminal (no pager)',
      fromStep: 'start at step N (the steps before it still run, without being shown)',
      json: 'print the whole trace as JSON (no colour, no prompts)',
      raw: 'show the exact bytes on the wire, control characters escaped',
      full: 'show long bodies in full instead of cutting them',
      lang: 'language of the output: de or en (default from LC_ALL/LANG)',
      noColor: 'no colour, even on a terminal (NO_COLOR works too)',
      width: 'columns to lay out for (default: the terminal width, else 100)',
      serve: 'start the demo server behind the tap and show every request anyone sends, until Ctrl-C',
      port: 'with --serve: the port to listen on (default: any free port)',
      schema: "print the demo's contract (GraphQL SDL, OpenAPI, WSDL) and exit",
      assets: 'with --serve: show the files of a page (HTML, JavaScript, CSS, images) in full, not one line each',
      har: 'also write the HTTP exchanges of the run to <file> as HAR 1.2 (browser devtools import it)',
      mermaid: 'print the run as a Mermaid sequence diagram (for slides) instead of the trace',
      deployFiles:
        'write the Dockerfile, docker-compose.yml and Kubernetes manifests of the microservices demo into a directory, and exit',
      amqpUrl:
        'the AMQP broker for the mq demo and the microservices saga (default: $AMQP_URL, else amqp://guest:guest@127.0.0.1:5672)',
      broker:
        'which AMQP broker: auto (the one at --amqp-url if it answers, else the embedded one), rabbitmq or embedded (default: $AWT_BROKER, else auto)',
      brokerPort: 'the port for the embedded broker (default 5672)',
      llmUrl:
        "graphql: an OpenAI-compatible endpoint (POST /v1/chat/completions, e.g. Ollama at http://127.0.0.1:11434) that writes the text-to-query step's queries (default: $AWT_LLM_URL, else recorded answers)",
      llmModel: 'the model --llm-url should use (default: $AWT_LLM_MODEL, else llama3.2)',
    },
    commands: {
      tap: 'put the wire tap in front of any server (http:// or amqp://) and show what crosses it, until Ctrl-C',
      broker: 'run the embedded AMQP 0-9-1 broker on its own and show every frame, until Ctrl-C',
      compare: 'the same use cases over every paradigm, side by side, measured',
      table: "the lecture's comparison table, with measured rows under it",
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
      /** The names in <…> and […] of the help (option values, arguments): the same words in English. */
      placeholders: {
        options: 'options',
        command: 'command',
        demo: 'demo',
        lang: 'lang',
        columns: 'columns',
        n: 'n',
        port: 'port',
        dir: 'dir',
        url: 'url',
        file: 'file',
        kind: 'kind',
        paradigms: 'paradigms',
        numbers: 'numbers',
        folder: 'folder',
        id: 'id',
        seconds: 'seconds',
        ids: 'ids',
        name: 'name',
        view: 'view',
      } as Record<string, string>,
    },
    examplesHeading: 'Examples:',
    /** Command → what it shows (the commands are the same in every language). */
    examples: {
      'awt-demo graphql': 'the GraphQL walkthrough, request beside response',
      'awt-demo rest --step': 'one step at a time, for class',
      'awt-demo rest --from-step 6': 'from step 6 on (ETag and 304); the steps before it still run',
      'awt-demo rest --json > trace.json': 'the same facts as data',
      'awt-demo graphql --serve --port 4000': 'a live server; send your own requests',
      'awt-demo graphql --schema': 'the GraphQL schema (SDL)',
      'awt-demo websocket --serve': 'a chat page for your browser; every frame shows here',
      'awt-demo rest --serve': 'Swagger UI at /docs, GraphiQL with graphql --serve, offline',
      'awt-demo rest --har rest.har': 'the HTTP exchanges as HAR 1.2 for browser devtools',
      'awt-demo graphql --mermaid': 'the run as a Mermaid sequence diagram, for slides',
      'awt-demo compare --only rest,graphql': 'the same use cases side by side, measured',
      'awt-demo table --markdown': "the lecture's comparison table with measured rows, for slides",
      'awt-demo tap http://localhost:4000/': 'the wire tap in front of your own server',
      'awt-demo exercise start graphql-book-service': "the lecture's exercise: task, starter project, hints",
      'awt-demo exercise check graphql-book-service': 'check your running server over the wire',
      'awt-demo list --json': 'the demos, for scripts',
      'awt-demo mq --broker embedded': 'the message-queue demo without RabbitMQ',
      'awt-demo broker --port 5672': 'an AMQP broker for pika or your own code; every frame shows here',
    } as Record<string, string>,
  },
  list: {
    heading: 'Demos:',
    usage: 'Run one with: awt-demo <demo>   (awt-demo --help for all options)',
  },
  menu: {
    prompt: 'What do you want to see?',
    keys: '↑↓ choose · Enter start · 1–9 pick · q or Esc quit',
    demosHeading: 'Demos, one step per screen',
    toolsHeading: 'All paradigms side by side',
    tools: {
      compare: 'the same use cases over every paradigm, measured',
      table: "the lecture's comparison table, with measured rows",
      bench: 'throughput and latency of the book list per paradigm',
      exercise: 'build a service yourself; awt-demo checks it over the wire',
    } as Record<string, string>,
    back: 'Enter: back to the menu · q: quit',
    failed: 'This did not work:',
  },
  /** The pager that shows a demo one step per screen on a terminal. */
  pager: {
    cut: (p: { more: number }) => `… ${numbers.integer(p.more)} more lines (f shows them)`,
    folded: (p: { count: number }) => `… ${numbers.integer(p.count)} more round trips like these (f shows them)`,
    keysShort: '? keys',
    framesCut: 'Long payloads are cut; f shows them whole.',
    amqpFolded: 'Set-ups, clean closes and each method with its -Ok reply stand on one line each; f shows every frame.',
    keys: 'Enter next · ← back · ↑↓ scroll · ? keys · q quit',
    keysFromMenu: 'Enter next · ← back · ↑↓ scroll · ? keys · q menu',
    running: (p: { index: number }) => `running step ${p.index} …`,
    runningThis: 'running …',
    closing: 'collecting the totals …',
    stopping: 'stopping after this step …',
    below: (p: { lines: number }) => `↓ ${numbers.integer(p.lines)} more line${p.lines === 1 ? '' : 's'}`,
    scrolled: (p: { from: number; to: number; of: number }) =>
      `lines ${numbers.integer(p.from)}–${numbers.integer(p.to)} of ${numbers.integer(p.of)}`,
    views: { full: 'all unfolded', raw: 'raw bytes', json: 'JSON' } as Record<string, string>,
    goto: (p: { typed: string; total: number }) => `go to step (1–${p.total}): ${p.typed}_   Enter: go · Esc: cancel`,
    keysHeading: 'Keys',
    keyList: [
      ['Enter  Space  →', 'next step'],
      ['←  b', 'previous step, as it was recorded (nothing runs again)'],
      ['1–9   g N Enter', 'step N (the steps before it run once, in order)'],
      ['↑ ↓  PgUp PgDn', 'scroll (Home, End: to the top, to the bottom)'],
      ['f', 'every body in full'],
      ['r', 'the exact bytes on the wire'],
      ['j', 'the step as JSON (as --json prints it)'],
      ['Esc', 'back to the usual view'],
      ['?', 'these keys'],
      ['q  Ctrl-C', 'quit: every server and connection is closed'],
    ] as Array<[string, string]>,
    anyKey: 'Any key but q (see above) closes this list.',
    end: 'End of the walkthrough.  ← back to the steps · Enter or q: quit',
    endFromMenu: 'End of the walkthrough.  ← back to the steps · Enter or q: back to the menu',
  },
  /** How the pager folds a step to fit a small screen; each fold names the key that unfolds it. */
  fit: {
    folded: (p: { names: string; lines: number }) =>
      `… ${[p.names, p.lines > 0 ? `body of ${numbers.integer(p.lines)} line${p.lines === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · ')} (f shows them)`,
    /** The status line's keys when the step fits the screen (nothing to scroll). */
    keys: 'Enter next · ← back · ? keys · q quit',
    keysFromMenu: 'Enter next · ← back · ? keys · q menu',
  },
  /** The book-club chat page of websocket --serve; {name} marks a value its script fills in. */
  chatPage: {
    title: 'Book club (WebSocket)',
    intro:
      "This page uses the browser's own WebSocket API: onopen, onmessage, onclose, onerror. The terminal running awt-demo --serve shows every frame.",
    name: 'Your name',
    token: 'Token (shown in the terminal)',
    join: 'Join',
    connecting: 'Connecting…',
    connected: 'Connected: you are in the book club.',
    closed: 'Closed: {code} {reason}',
    refused: 'The server refused the handshake (no token, or a wrong one?).',
    chat: 'Chat',
    message: 'Message',
    send: 'Send',
    newBooks: 'New books, pushed by the server',
    newBook: 'New book: {title} by {author}',
    bookTitle: 'Title',
    bookAuthor: 'Author',
    add: 'Add over HTTP POST',
    added: 'Added: {title} (HTTP {status})',
    notAdded: 'Not added: HTTP {status}',
    events: 'WebSocket events',
  },
  errors: {
    AWT_UNKNOWN_DEMO: (p: { demo: string; ids: string; commands?: string; suggestion?: string }) =>
      `Unknown demo "${p.demo}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} The demos are: ${p.ids}${
        p.commands ? `; the commands: ${p.commands}` : ''
      }.`,
    AWT_BAD_OPTION: (p: { option: string; value: string; expected: string }) =>
      `Invalid value "${p.value}" for ${p.option}: expected ${p.expected}.`,
    AWT_BAD_OPTION_hint: 'Run "awt-demo --help" for the options.',
    AWT_PORT_IN_USE: (p: { port: number }) => `Port ${p.port} is already in use.`,
    AWT_PORT_IN_USE_hint: 'Choose another with --port, or leave --port out to let the system pick one.',
    AWT_PORT_FORBIDDEN: (p: { port: number }) =>
      `Port ${p.port} is below 1024, and only the administrator may listen on such a port.`,
    AWT_PORT_FORBIDDEN_hint: 'Choose a port from 1024 up with --port (for example 4000), or leave --port out.',
    AWT_BROKER_PORT_IN_USE: (p: { port: number }) =>
      `Port ${p.port} is already in use, perhaps by a RabbitMQ that runs there.`,
    AWT_BROKER_PORT_IN_USE_hint:
      'Start the embedded broker on another port, for example: awt-demo broker --port 5673. Or use the broker that runs there: awt-demo mq.',
    AWT_NO_SCHEMA: (p: { demo: string }) => `The ${p.demo} demo has no contract to print.`,
    AWT_NO_SERVE: (p: { demo: string }) => `The ${p.demo} demo has no server to keep running; run it without --serve.`,
    AWT_NO_DEPLOY_FILES: (p: { demo: string }) =>
      `The ${p.demo} demo has no deploy files; awt-demo microservices --deploy-files DIR has.`,
    /** The directory for --deploy-files: a file there would be overwritten, or it cannot be written. */
    AWT_DEPLOY_DIR: (p: { dir: string; reason: 'exists' | 'unwritable'; detail: string }) =>
      p.reason === 'exists'
        ? `${p.dir} already holds ${p.detail}; awt-demo does not overwrite files.`
        : `Cannot write to ${p.dir} (${p.detail}).`,
    AWT_DEPLOY_DIR_hint: 'Name a new or empty directory: awt-demo microservices --deploy-files ./deploy',
    /** `url` without its password; `detail` is the system's or the broker's own words. */
    AWT_BROKER_UNREACHABLE: (p: {
      url: string;
      reason: 'refused' | 'timeout' | 'unknown-host' | 'login' | 'vhost' | 'not-amqp' | 'lost' | 'stalled';
      detail: string;
      /** How long the broker was given to answer ("stalled"). */
      waitedMs?: number;
    }) => {
      const sentences: Record<string, string> = {
        refused: `No AMQP broker is reachable at ${p.url}: nothing accepts connections there (${p.detail}).`,
        timeout: `No AMQP broker is reachable at ${p.url}: no answer within ${p.detail}.`,
        'unknown-host': `No AMQP broker is reachable at ${p.url}: the host name is unknown (${p.detail}).`,
        login: `The AMQP broker at ${p.url} refused the login (${p.detail}).`,
        vhost: `The AMQP broker at ${p.url} refused to open the virtual host "${p.detail}": it does not exist, or the user may not use it.`,
        'not-amqp': `What answers at ${p.url} is not an AMQP 0-9-1 broker (${p.detail}).`,
        lost: `The connection to the AMQP broker at ${p.url} was lost (${p.detail}).`,
        stalled: `The AMQP broker at ${p.url} stopped answering (waited ${numbers.secondsUnit(p.waitedMs ?? NaN)} for ${p.detail}).`,
      };
      return sentences[p.reason] ?? `The AMQP broker at ${p.url} is not usable (${p.detail}).`;
    },
    AWT_BROKER_UNREACHABLE_hint: (p: { reason: string }) => {
      const start =
        'Start RabbitMQ as in the lecture: docker run -d --hostname my-rabbit --name some-rabbit -p 5672:5672 -p 15672:15672 rabbitmq:3-management (or install the distribution package: sudo apt install rabbitmq-server), or name a running broker with --amqp-url or AMQP_URL, or use the embedded broker: --broker embedded.';
      const hints: Record<string, string> = {
        login:
          'Check user and password in --amqp-url or AMQP_URL. RabbitMQ lets its guest account log in only over loopback: amqp://guest:guest@127.0.0.1:5672',
        vhost:
          'Name an existing virtual host at the end of the URL (the default vhost "/" is written %2F), or create it with: rabbitmqctl add_vhost <name>',
        'not-amqp': 'Check host and port: AMQP listens on 5672 (15672 is the management web page).',
        lost: 'Check that the broker still runs (rabbitmqctl status), then try again.',
        stalled: 'Check that the broker still runs and is not blocked (rabbitmqctl status), then try again.',
      };
      return hints[p.reason] ?? start;
    },
    AWT_INTERRUPTED: (_p: Record<string, never>) => 'Interrupted. Every server and connection is closed.',
    AWT_BAD_FILE: (p: { file: string; reason: string }) =>
      p.reason === 'not-a-comparison'
        ? `${p.file} is not a comparison written by "awt-demo compare --json".`
        : `Cannot read ${p.file} (${p.reason}).`,
    AWT_BAD_FILE_hint: 'Write one with: awt-demo compare --json > compare.json',
    AWT_OPTIONS_CLASH: (p: { first: string; second: string }) => `${p.first} and ${p.second} do not go together.`,
    AWT_OPTIONS_CLASH_hint: 'Leave one of them out; "awt-demo --help" lists the options.',
    AWT_CANNOT_WRITE: (p: { file: string; reason: string }) => `Cannot write ${p.file} (${p.reason}).`,
    AWT_CANNOT_WRITE_hint: 'Name a file in a folder you may write to, e.g. --har ./run.har',
    AWT_TARGET_UNREACHABLE: (p: { url: string; reason: string; detail: string }) => {
      const sentences: Record<string, string> = {
        refused: `Nothing answers at ${p.url}: no server accepts connections there (${p.detail}).`,
        timeout: `Nothing answers at ${p.url}: no connection within ${p.detail}.`,
        'unknown-host': `Nothing answers at ${p.url}: the host name is unknown (${p.detail}).`,
      };
      return sentences[p.reason] ?? `Cannot connect to ${p.url} (${p.detail}).`;
    },
    AWT_TARGET_UNREACHABLE_hint: 'Start the server first (npm start in its folder), or name the right address.',
    AWT_LLM_UNREACHABLE: (p: { url: string; reason: string; detail: string }) => {
      const sentences: Record<string, string> = {
        refused: `The model endpoint at ${p.url} does not answer (${p.detail}).`,
        timeout: `The model endpoint at ${p.url} did not answer within ${p.detail}.`,
      };
      return sentences[p.reason] ?? `The connection to the model endpoint at ${p.url} broke off (${p.detail}).`;
    },
    AWT_LLM_UNREACHABLE_hint:
      'Start it (for Ollama: ollama serve) or correct --llm-url; without --llm-url the step uses recorded answers.',
    AWT_LLM_BAD_ANSWER: (p: { url: string; reason: string; detail: string }) => {
      const what: Record<string, string> = {
        status: `HTTP status ${p.detail}`,
        'not-json': 'the body is not JSON',
        'no-content': 'choices[0].message.content is missing or empty',
        'too-large': `the body is larger than ${p.detail}`,
        'too-long': 'the answer is too long to be one query',
      };
      return `The model endpoint at ${p.url} did not answer with a chat completion: ${what[p.reason] ?? p.reason}.`;
    },
    AWT_LLM_BAD_ANSWER_hint:
      'Name an OpenAI-compatible endpoint (POST /v1/chat/completions) with --llm-url and an installed model with --llm-model.',
    AWT_UNKNOWN_EXERCISE: (p: { exercise: string; ids: string; suggestion?: string }) =>
      `Unknown exercise "${p.exercise}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} The exercises are: ${p.ids}.`,
    AWT_UNKNOWN_EXERCISE_hint: 'Run "awt-demo exercise list" to see them.',
    AWT_UNKNOWN_EXERCISE_COMMAND: (p: { command: string; commands: string; suggestion?: string }) =>
      `Unknown exercise command "${p.command}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} The commands are: ${p.commands}.`,
    AWT_UNKNOWN_EXERCISE_COMMAND_hint: 'Run "awt-demo exercise --help" to see what each does.',
    AWT_FOLDER_NOT_EMPTY: (p: { dir: string }) => `${p.dir} exists and is not empty; nothing was written.`,
    AWT_FOLDER_NOT_EMPTY_hint: 'Choose another folder with --dir, or remove this one first.',
    AWT_NO_PROGRAMS: (p: { dir: string; files: string }) =>
      `${p.dir} is not the exercise folder: ${p.files.replace(/, ([^,]*)$/, ' and $1')} ${p.files.includes(', ') ? 'are' : 'is'} missing there.`,
    AWT_NO_PROGRAMS_hint: 'Run the check in the folder "awt-demo exercise start" wrote, or name it with --dir.',
    AWT_EXERCISE_OPTION: (p: { option: string; exercise: string; programs: boolean }) =>
      p.programs
        ? `${p.option} does not apply to ${p.exercise}: the check starts your programs itself, from --dir, and connects them to the broker.`
        : `${p.option} does not apply to ${p.exercise}: it checks your server at --url.`,
    AWT_EXERCISE_OPTION_hint: (p: { option: string; exercise: string; programs: boolean }): string =>
      p.programs
        ? 'Choose the broker with --broker auto|rabbitmq|embedded or --amqp-url.'
        : 'Leave the option out; "awt-demo exercise check --help" lists the options.',
    AWT_CHECKS_FAILED: (p: { failed: number; total: number; json?: boolean }) =>
      p.failed === 1 ? `1 of ${p.total} checks failed.` : `${p.failed} of ${p.total} checks failed.`,
    AWT_CHECKS_FAILED_hint: (p: { json?: boolean }): string =>
      p.json
        ? 'The report on stdout has each failing check with its trace and hint.'
        : 'Each failing check above shows its trace and a hint; fix one, then check again.',
    bug: 'This is a bug in awt-demo, not something you did. Please report it with the lines above.',
    /** Commander's usage errors, in the words of the language (the option and command names stay). */
    commander: {
      unknownOption: (p: { option: string }) => `unknown option '${p.option}'`,
      unknownCommand: (p: { command: string }) => `unknown command '${p.command}'`,
      missingArgument: (p: { argument: string }) => `missing required argument '${p.argument}'`,
      valueMissing: (p: { option: string }) => `option '${p.option}' argument missing`,
      tooManyArguments: (p: { expected: number; got: number }) =>
        `too many arguments. Expected ${p.expected} argument${p.expected === 1 ? '' : 's'} but got ${p.got}.`,
      didYouMean: (p: { names: string }) => `(Did you mean ${p.names}?)`,
    },
  },
  /** Calls between processes as a sequence diagram (demos/render/http-sequence.ts). */
  hops: {
    background: (p: { count: number }) =>
      `… and ${p.count} heartbeat${p.count === 1 ? '' : 's'} to the registry meanwhile (--full shows them)`,
  },
  render: {
    step: (p: { index: number; total: number }) => `Step ${p.index}/${p.total}`,
    notice: 'Notice',
    request: 'request',
    response: 'response',
    connection: (p: { id: number; nth: number }) =>
      p.nth === 1 ? `connection #${p.id}, new` : `connection #${p.id}, reused, request ${p.nth}`,
    noResponse: 'no response: the connection closed first',
    sizes: (p: { head: number; body: number }) => `${numbers.bytes(p.head)} head + ${numbers.bytes(p.body)} body`,
    chunked: (p: { content: number }) => `chunked, ${numbers.bytes(p.content)} of content`,
    took: (p: { ms: number }) => numbers.msUnit(p.ms),
    folded: (p: { count: number }) => `… ${numbers.integer(p.count)} more round trips like these (--full shows them)`,
    cut: (p: { more: number }) => `… ${numbers.integer(p.more)} more lines (--full shows them)`,
    assetsFolded:
      'Files of a page (HTML, JavaScript, CSS, images) show one line each, #n is the connection; --assets shows them in full.',
    cutFull: (p: { more: number }) =>
      `… ${numbers.integer(p.more)} more lines, beyond what --full shows (--json has all of them)`,
    skipped: (p: { shown: number; total: number }) =>
      `… this body has ${numbers.integer(p.total)} characters: the first ${numbers.integer(p.shown)} are shown as plain text (--json has all of it)`,
    deep: (p: { depth: number }) => `values nested deeper than ${p.depth} levels are shown as {…}, […] or <…>`,
    displayFailed: (p: { reason: string }) => `could not display this exchange: ${p.reason}`,
    undecoded: (p: { bytes: number; reason: string }) => `${numbers.bytes(p.bytes)} not decoded: ${p.reason}`,
    summaryHeading: 'Summary',
    roundTrips: 'round trips',
    connections: 'TCP connections',
    bytesUp: 'bytes client → server',
    bytesDown: 'bytes server → client',
    stepTotals: (p: { trips: number; up: number; down: number }) =>
      `${numbers.integer(p.trips)} round trip${p.trips === 1 ? '' : 's'}, ${numbers.bytes(p.up)} up, ${numbers.bytes(p.down)} down`,
  },
  frames: {
    fin: 'FIN',
    opcode: 'opcode',
    mask: 'MASK key',
    length: 'length',
    sizes: 'bytes = head + payload',
    payload: 'payload',
    lengthBits: (p: { bits: number }) => `${p.bits}-bit`,
    opcodes: {
      continuation: 'continuation',
      text: 'text',
      binary: 'binary',
      close: 'close',
      ping: 'ping',
      pong: 'pong',
      reserved: 'reserved',
    } as Record<string, string>,
    /** RFC 6455 §7.4.1 and §11.7. */
    closeCodes: {
      1000: 'normal closure',
      1001: 'going away',
      1002: 'protocol error',
      1003: 'unsupported data',
      1007: 'invalid payload data',
      1008: 'policy violation',
      1009: 'message too big',
      1010: 'mandatory extension',
      1011: 'internal error',
      1012: 'service restart',
      1013: 'try again later',
    } as Record<number, string>,
    empty: '(empty)',
    noCloseCode: '(no status code)',
    notDecoded: '(not decoded)',
    headerBytes: 'header bytes:',
    maskedBytes: 'payload as sent (masked):',
    cut: 'Payloads longer than four lines are cut; --full shows them whole.',
    violations: {
      'unmasked-client-frame': 'a client must mask every frame it sends (RFC 6455 §5.1)',
      'masked-server-frame': 'a server must not mask its frames (RFC 6455 §5.1)',
      'reserved-bits-set': 'RSV1-3 must be 0 unless an agreed extension uses them (RFC 6455 §5.2)',
      'reserved-opcode': 'this opcode is reserved (RFC 6455 §5.2)',
      'non-minimal-length': 'the length must use the fewest bytes possible (RFC 6455 §5.2)',
      'length-high-bit-set': 'the top bit of a 64-bit length must be 0 (RFC 6455 §5.2)',
      'fragmented-control-frame': 'control frames must not be fragmented (RFC 6455 §5.5)',
      'control-frame-too-long': 'control frames carry at most 125 bytes (RFC 6455 §5.5)',
      'unexpected-continuation': 'a continuation frame with no message to continue (RFC 6455 §5.4)',
      'expected-continuation': 'a new message began before the fragmented one ended (RFC 6455 §5.4)',
      'invalid-utf8': 'text must be valid UTF-8 (RFC 6455 §5.6, §8.1)',
      'invalid-close-payload': 'a close body is empty or begins with a 2-byte code (RFC 6455 §5.5.1)',
      'invalid-close-code': 'this close code must not be sent (RFC 6455 §7.4)',
      'data-after-close': 'no data frames may follow a close frame (RFC 6455 §5.5.1)',
      'frame-too-large': 'larger than the tap decodes; the rest of this direction is skipped',
    } as Record<string, string>,
  },
  /** The sequence diagram of AMQP frames (demos/render/amqp-sequence.ts). */
  mermaid: {
    client: 'client',
    server: 'server',
    wsClient: (p: { id: number }) => `client ${p.id}`,
    noResponse: 'no response',
    more: (p: { count: number }) =>
      `… ${numbers.integer(p.count)} more messages in this step (awt-demo shows them all)`,
    nothing: 'nothing on the wire in this step',
  },
  amqp: {
    broker: 'broker',
    connection: (p: { id: number }) => `connection #${p.id}`,
    setUp: (p: { version: string; mechanism: string; user: string; vhost: string; heartbeat: number }) =>
      `connection set-up: AMQP ${p.version}, ${p.mechanism} login as ${p.user}, vhost ${p.vhost}, ${
        p.heartbeat === 0 ? 'no heartbeats' : `heartbeat timeout ${p.heartbeat} s`
      }`,
    channelOpen: (p: { channel: number }) => `, channel ${p.channel} open`,
    setUpAgain: 'connection set-up, as above',
    eachWithOk: 'each ⇄ its -Ok reply',
    moreLikeThese: (p: { count: number; method: string }) =>
      `… ${numbers.integer(p.count)} more ${p.method} like these (f shows them)`,
    sameBody: (p: { at: string }) => `the same as at ${p.at} ms`,
    closed: 'closed cleanly (Close 200 → CloseOk)',
    frames: (p: { frames: number }) => `${p.frames} frames`,
    channel: (p: { channel: number }) => `ch ${p.channel}`,
    /** AMQP 0-9-1 basic.properties delivery-mode. */
    deliveryModes: { 1: 'transient', 2: 'persistent' } as Record<number, string>,
    body: (p: { bytes: number }) => `body, ${numbers.bytes(p.bytes)}:`,
    contentHeader: 'content header',
    protocolHeader: (p: { version: string }) => `protocol header AMQP ${p.version}`,
    heartbeat: 'heartbeat',
    /** --raw: the frame header fields of §4.2.3. */
    rawFrame: (p: { type: string; channel: number }) => `⟨frame type ${p.type}, channel ${p.channel}⟩`,
    ms: 'ms',
    bytes: 'B',
    folded: 'Connection set-ups and clean closes are folded into one line each; --full shows every frame.',
  },
  stepGate: {
    prompt: 'Enter: next step · q: quit',
    quit: 'Stopped. Every server and connection is closed.',
  },
  deploy: {
    wrote: (p: { count: number; dir: string }) => `Wrote ${p.count} files to ${p.dir}:`,
    next: 'Then: docker compose up --build (after npm install has built dist/), or kubectl apply -f k8s/',
  },
  serve: {
    listening: (p: { demo: string; url: string }) =>
      `The ${p.demo} demo server listens on ${p.url} (behind the wire tap).`,
    browse: 'Open in your browser:',
    tryThese: 'Try these in another terminal:',
    waiting: 'Every request anyone sends is shown below. Ctrl-C stops the server.',
    openChatTwice: (p: { url: string; token: string }) =>
      `open ${p.url} in two browser windows; the page asks for the token: ${p.token}`,
  },
  tap: {
    listening: (p: { target: string }) => `The wire tap stands in front of ${p.target}.`,
    useInstead: (p: { url: string }) => `Use this address instead: ${p.url}`,
    waiting: {
      http: 'Every request and WebSocket frame that crosses it is shown below. Ctrl-C ends the tap.',
      amqp: 'Every AMQP frame that crosses it is shown below. Ctrl-C ends the tap.',
    },
    unreachable: (p: { connection: number; code: string }) =>
      `connection #${p.connection}: the target did not accept it (${p.code}); the client's connection was closed`,
  },
  exercise: exerciseEn,
  interrupted: 'Interrupted. Every server and connection is closed.',
  broker: {
    /** The one line that says which broker a run used. */
    used: (p: { kind: 'external' | 'embedded'; url: string; product?: string; fallbackFrom?: string }) =>
      p.kind === 'external'
        ? `Broker: ${p.product || 'the AMQP broker'} at ${p.url}.`
        : p.fallbackFrom
          ? `Broker: awt-demo's embedded broker at ${p.url} (nothing answered at ${p.fallbackFrom}).`
          : `Broker: awt-demo's embedded broker at ${p.url}.`,
    listening: (p: { url: string }) =>
      `The embedded AMQP 0-9-1 broker listens on ${p.url} (user guest, password guest, virtual host /), behind the wire tap.`,
    memory: 'Messages are kept in memory only: "durable" is accepted and reported, but nothing survives Ctrl-C.',
    tryThese: 'Try these in another terminal:',
    waiting: 'Every frame any client sends or receives is shown below. Ctrl-C stops the broker.',
    examples: (p: { url: string }) => [
      `awt-demo mq --amqp-url ${p.url}`,
      "python3 send.py; python3 receive.py    (the lecture's pika producer and consumer, unchanged)",
      `awt-demo compare --only mq --amqp-url ${p.url}`,
    ],
    up: 'client → broker',
    down: 'client ← broker',
    connection: (p: { id: number }) => `#${p.id}`,
  },
  bench: {
    cli: {
      description: 'throughput and latency of the book list per paradigm, against bare node:http as the ceiling',
      duration: 'seconds of load per paradigm, after a short warm-up (default 3)',
      concurrency: 'connections sending at the same time (default 10)',
      only: 'the paradigms to run, comma-separated (reference, rest, graphql, soap, websocket, mq); the reference always runs',
      json: 'print the figures as JSON (progress still goes to stderr)',
      amqpUrl: 'the AMQP broker for the mq row (default: $AMQP_URL, else amqp://guest:guest@127.0.0.1:5672)',
      broker:
        'which AMQP broker for the mq row: auto (the one at --amqp-url if it answers, else the embedded one), rabbitmq or embedded',
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
        `${p.name} reaches ${p.percent}% of bare node:http’s rate and takes ${p.micros} µs of CPU per request, ${p.extra} µs more.`,
      /** The same, for a row that needs less CPU per request than the reference (`extra` is the difference, positive). */
      rowBelow: (p: { name: string; percent: string; micros: string; extra: string }) =>
        `${p.name} reaches ${p.percent}% of bare node:http’s rate and takes ${p.micros} µs of CPU per request, ${p.extra} µs less.`,
    },
    errors: (p: { name: string; errors: string; total: string; first: string }) =>
      `${p.name}: ${p.errors} of ${p.total} requests failed; the first because: ${p.first}`,
    busy: (p: { load: string; cpus: number }) =>
      `The machine was busy when the run began (load average ${p.load} on ${p.cpus} cores): req/s, latencies and ` +
      'even the CPU time per request will differ from run to run.',
    skipped: (p: { name: string; reason: string }) => `${p.name} was skipped: ${p.reason}`,
    progress: {
      warmup: 'warm-up',
      measure: 'measuring',
      done: (p: { name: string; requests: string; seconds: string; rps: string }) =>
        `${p.name}: ${p.requests} requests in ${p.seconds} s, ${p.rps} req/s`,
      skipped: (p: { name: string }) => `${p.name}: skipped`,
    },
  },
  compare: {
    paradigms: {
      rest: 'REST',
      graphql: 'GraphQL',
      soap: 'SOAP',
      websocket: 'WebSocket',
      mq: 'Message queue',
    } as PerParadigm,
    heading: 'The same use cases, every paradigm, measured in this run',
    measuredHow: (p: { repetitions: number }) =>
      `Through the wire tap on 127.0.0.1; latency is the median of ${p.repetitions === 1 ? 'one run' : `${p.repetitions} runs`} (the tap forwards every byte, so it adds a little to each).`,
    setup: 'Set-up before the first call (connect, handshake)',
    roundTripMeaning:
      'A round trip is a request that must wait for its answer before the next can go: an HTTP request and its response, a WebSocket ping and pong or close and close, an AMQP method and its -Ok (the connection set-up: header → Start, StartOk → Tune, Open → OpenOk), a publish and its confirm. Data frames and deliveries wait for no answer.',
    notes: {
      credentials: (p: { sending: string; silent: string }) =>
        p.silent
          ? `The bytes up include credentials: ${p.sending}; ${p.silent} send no credentials here.`
          : `The bytes up include credentials: ${p.sending}.`,
      credential: (p: { paradigm: string; kind: 'ws-security' | 'authorization'; bytes: number }) =>
        `${p.paradigm}'s ${p.kind === 'ws-security' ? 'WS-Security header (wsse:Security)' : 'Authorization header'} of ${numbers.bytes(p.bytes)}`,
      polling: (p: { paradigm: string; interval: string; half: string; points: string }) =>
        `${p.paradigm} polls every ${p.interval} ms, so the interval sets its latency: the book arrives between two polls, on average half an interval (≈ ${p.half} ms) before the next one. Measured at several intervals: ${p.points}.`,
      point: (p: { interval: string; latency: string }) => `${p.interval} ms → ${p.latency} ms`,
      nothingNeeded: (p: { resent: string }) =>
        `Needed 0: the client already has the list and nothing changed, so every field that comes again is one it had${p.resent ? ` (sent again: ${p.resent})` : ''}. REST's ETag gets 304 with no body; GraphQL and SOAP POST to one URL, so no HTTP cache can key on the question (\`awt-demo graphql\` step 11: a GraphQL query by GET gets 304 too).`,
      resent: (p: { paradigm: string; fields: number }) => `${p.paradigm} ${p.fields}`,
    },
    and: 'and',
    notAFitDefault: 'not a natural fit for this paradigm',
    notAFitLabel: 'not a fit',
    skippedLabel: 'skipped',
    rows: {
      roundTrips: 'round trips',
      connections: 'TCP connections',
      bytesUp: 'bytes up',
      bytesDown: 'bytes down',
      split: 'overhead + payload',
      fields: 'fields got / needed',
      latency: 'latency (median)',
      note: 'answer',
    },
    /** What the answer row says where a status code does not say it. */
    answers: {
      polling: (p: { polls: number }) => `polling: ${p.polls} × GET`,
      subscription: 'subscription: next',
      push: (p: { type: string }) => `push: ${p.type}`,
      confirmed: 'confirm + ack',
      fanout: 'fanout: Basic.Deliver',
    },
    bars: {
      bytes: 'bytes on the wire (up + down)',
      latency: 'latency, ms (median)',
    },
    table: {
      heading: 'SOAP, REST, GraphQL, WebSocket and message queues compared',
      criterion: 'Criterion',
      measuredHeading: 'Measured in this run',
      measuredFrom: (p: { source: string }) => `Measured rows from ${p.source}.`,
      measured: {
        listBytes: 'list (1): bytes on the wire',
        listFields: 'list (1): fields got / needed',
        detailTrips: 'book with reviews (2): round trips',
        cachedBytes: 'list again (5): bytes on the wire',
        notifyDelay: 'new book (6): ms until the client knows',
        listLatency: 'list (1): latency, ms',
      },
    },
  },
};

export type Messages = typeof en;
