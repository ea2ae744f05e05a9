/** The microservices lesson, in English. lessons/microservices/de.ts has the same keys. */
import { numberWords } from '../../demos/core/numbers.js';

const numbers = numberWords('en');
/** A duration as the step reads it: one decimal below 10 ms, whole above. */
const ms = (value: number) => numbers.decimal(value, value < 10 ? 1 : 0);

/** One page the isolation step asked for while the reviews were down, as the step measured it. */
export interface PageVisit {
  status: number;
  ms: number;
  breaker: string;
  reviews: boolean;
  reason?: string;
  /** Lookups of reviews in the registry for this request: 0 means the gateway did not even try. */
  reviewLookups: number;
}

/** Why the reviews are missing, as the gateway says it. */
const reason = (code: string) =>
  ({ unreachable: 'unreachable', timeout: 'timed out', open: 'breaker open', 'no-instance': 'no instance registered' })[
    code
  ] ?? code;

export const en = {
  title: 'Microservices: the bookshop split into services, every hop on the wire',
  summary:
    'Monolith and services, discovery, API gateway, BFF, stitched GraphQL, circuit breaker, rolling update, saga, the price, Docker and Kubernetes',
  steps: {
    monolith: {
      title: 'The modular monolith: one process, one round trip',
      notice: [
        'Catalog, reviews and orders are modules of one process. The book page is one request; the modules call each other as functions, and nothing of that reaches the wire.',
        'The monolith reports its module calls in a Server-Timing header (W3C): that is all the wire sees of the inside.',
      ],
    },
    split: {
      title: 'Split: catalog, reviews and orders as processes of their own',
      notice: [
        'Three Node processes, children of awt-demo, each on its own port, each with its own data in its own memory. Nothing is shared but the network.',
        'Each process has a wire tap in front of it, so every call between them is on the wire below. (They already registered with a registry when they started: next step.)',
      ],
    },
    discovery: {
      title: 'Service discovery: a registry, heartbeats and a TTL',
      notice: [
        'A second reviews process starts and registers (POST /instances). A lookup (GET /services/reviews) now returns both.',
        'Then it is killed with SIGKILL: no goodbye. The registry notices only because its heartbeats stop; after the TTL the entry is gone. This instance has a short TTL (300 ms), so the demo need not wait long.',
      ],
    },
    gateway: {
      title: 'API gateway: one entry, the API key at the edge, the fan-out traced',
      notice: [
        'Without X-Api-Key the gateway answers 401 itself: no service behind it is bothered.',
        'With the key, one client request becomes several inside: lookups in the registry, the catalog, a reviews instance (in turn). The W3C traceparent header ties them together: the same trace id on every hop, a new parent id per service.',
      ],
    },
    bff: {
      title: 'Backend for frontend: a web BFF and a mobile BFF for the same screen',
      notice: [
        'Both ask the same catalog and reviews services. The web BFF passes on everything the desktop page shows; the mobile BFF only what fits on a phone.',
        'Same services, different shapes: each client gets a backend made for it, instead of one API that fits neither well.',
      ],
    },
    graphql: {
      title: 'GraphQL over services: one schema stitched from two',
      notice: [
        'The GraphQL gateway reads the schemas of the catalog and reviews services (introspection) and stitches them into one (@graphql-tools/stitch). Both know the type Book; the gateway joins them by id.',
        'One query asks for title, author and reviews: the gateway splits it and sends each service the part it owns. Apollo Federation, named in the lecture, does the same with @key directives.',
      ],
    },
    isolation: {
      title: 'Fault isolation: the reviews processes die, the page stays',
      notice: [
        'Every reviews process is killed (SIGKILL). The gateway still answers the book page with the catalog data and says the reviews are unavailable, within a bounded time.',
        'The circuit breaker (opossum) counts failures and opens: then it answers at once without calling. After its reset time it lets one call through (half-open); a new reviews process answers it, and the breaker closes.',
      ],
    },
    deployment: {
      title: 'Independent deployment: catalog v2 replaces v1, one instance at a time',
      notice: [
        'Two catalog v1 processes serve while a client keeps asking the gateway for a book. v2 adds a field (isbn10).',
        'Rolling update: a v2 process starts and registers, then a v1 process leaves the registry, finishes its requests and stops; then the same again. The gateway tries the next instance should one vanish under it.',
      ],
    },
    saga: {
      title: 'The distributed transaction problem, and a saga over the broker',
      notice: [
        'An order needs two services: orders saves the order, stock reserves the copy. There is no transaction across both.',
        'Without coordination, a failure between the two writes leaves them inconsistent. The saga sends events over AMQP instead (order.placed → stock.reserved or stock.rejected); a rejection makes orders cancel its own write: the compensating action.',
      ],
    },
    price: {
      title: 'The price: the same book page, monolith against services',
      notice: [
        'The same page, five times each, measured in this run: round trips on the wire, bytes, latency, the processes that served it and their memory.',
        'Independence is bought with network hops, bytes, processes and operations work. For a small system a well-cut monolith is often the better choice, as the lecture says.',
      ],
    },
    deploy: {
      title: 'Running it for real: Dockerfile, docker-compose, Kubernetes',
      notice: [
        'The files below run these very services in containers: one image, one entry per service; compose for a machine, a Deployment and a Service per service for Kubernetes.',
        'In Kubernetes a Service has a DNS name and spreads calls over its pods: it does what the registry does here. awt-demo microservices --deploy-files DIR writes the files.',
      ],
    },
  },
  facts: {
    monolithTrips: (p: { trips: number; inside: number; pid: number }) =>
      `${p.trips} round trip on the wire for the whole page, ${p.inside} inside: one process (pid ${p.pid}) did it all.`,
    moduleCalls: (p: { calls: string }) =>
      `Module calls (from Server-Timing): ${p.calls}: function calls, not network calls.`,
    moduleCall: (p: { name: string; ms: number }) => `${p.name} ${numbers.decimal(p.ms, 3)} ms`,
    pageContent: (p: { title: string; reviews: number }) => `The page: "${p.title}" with ${p.reviews} reviews.`,
    processes: (p: { count: number; processes: string; parent: number }) =>
      `${p.count} processes, children of awt-demo (pid ${p.parent}): ${p.processes}.`,
    processEntry: (p: { name: string; pid: number; port: number; tap: number }) =>
      `${p.name} pid ${p.pid} on port ${p.port} (tap ${p.tap})`,
    ownData: (p: { bookFields: string; reviews: number; orders: number }) =>
      `Each answers from its own data: catalog a book (${p.bookFields}), reviews ${p.reviews} reviews, orders ${p.orders} orders.`,
    notShared: (p: { status: number }) =>
      `Asked for reviews, the catalog answers ${p.status}: its process holds no reviews.`,
    splitTrips: (p: { trips: number }) => `${p.trips} round trips to three processes for what the monolith did in one.`,
    registered: (p: { status: number; body: string }) =>
      `reviews-2 registered itself: ${p.status} for POST /instances ${p.body}.`,
    lookupBoth: (p: { count: number; urls: string }) => `The lookup returned ${p.count} instances: ${p.urls}.`,
    expired: (p: {
      ms: number;
      silentMs: number;
      left: number;
      ttl: number;
      heartbeat: number;
      othersTtl: number;
      gone: boolean;
    }) =>
      p.gone
        ? `Killed, reviews-2 was dropped by the registry ${ms(p.ms)} ms later, ${ms(p.silentMs)} ms after its last heartbeat; the next lookup lists only ${p.left}. reviews-2 registered with a short TTL of ${numbers.decimal(p.ttl, 0)} ms (heartbeats every ${numbers.decimal(p.heartbeat, 0)} ms) so the demo need not wait; the others have ${numbers.decimal(p.othersTtl, 0)} ms.`
        : `reviews-2 was still listed ${ms(p.ms)} ms after it was killed: its TTL (${numbers.decimal(p.ttl, 0)} ms) did not end it.`,
    heartbeats: (p: { count: number }) =>
      p.count === 0
        ? 'No heartbeat (PUT /instances/…) crossed the wire during this step: the instances report only at their interval.'
        : `${p.count === 1 ? 'One heartbeat' : `${p.count} heartbeats`} (PUT /instances/…) crossed the wire during this step: the cost of knowing who is alive.`,
    denied: (p: { status: number; inside: number }) =>
      `Without the key: ${p.status}, and ${p.inside} calls inside: the edge turned it away.`,
    fanOut: (p: { inside: number; lookups: number; traceId: string; spans: number }) =>
      `With the key, one client request caused ${p.inside} requests inside (${p.lookups} of them lookups in the registry). All carried trace id ${p.traceId}, with ${p.spans} different parent ids: one per calling span.`,
    balanced: (p: { first: string; second: string }) =>
      p.first !== p.second
        ? `Load balancing: the first request's reviews came from ${p.first}, the second's from ${p.second}.`
        : `Both requests' reviews came from ${p.first}: only one instance was registered.`,
    bffShape: (p: { bff: string; bytes: number; fields: string; inside: number }) =>
      `${p.bff}: ${numbers.decimal(p.bytes, 0)} B of JSON (${p.fields}), after ${p.inside} calls inside.`,
    bffSaved: (p: { web: number; mobile: number }) =>
      `The phone gets ${numbers.decimal(Math.round((1 - p.mobile / p.web) * 100), 0)}% fewer bytes for the same screen.`,
    stitched: (p: { introspections: number }) =>
      `On start the GraphQL gateway fetched the schemas of both services: ${p.introspections} introspection requests.`,
    subRequests: (p: { count: number; services: string; lookups: number }) =>
      `One query, ${p.count} sub-requests: ${p.services} (plus ${p.lookups} lookups), all with the query's trace id.`,
    graphqlAnswer: (p: { title: string; reviews: number }) =>
      `One answer: "${p.title}" from the catalog with ${p.reviews} reviews from the reviews service.`,
    killed: (p: { names: string }) => `Killed with SIGKILL: ${p.names}.`,
    degraded: (p: {
      count: number;
      statuses: string;
      withReviews: number;
      maxMs: number;
      reason: string;
      opened: boolean;
    }) =>
      `${p.count} requests while reviews was down: status ${p.statuses}, the catalog data in each, reviews in ${p.withReviews} (${reason(p.reason)}), none slower than ${ms(p.maxMs)} ms. ${p.opened ? 'Then the breaker opened.' : 'The breaker stayed closed.'}`,
    whileOpen: (p: PageVisit) =>
      `With the breaker open: ${p.status} in ${ms(p.ms)} ms, ${p.reviewLookups} lookups of reviews: the gateway did not even try.`,
    recovered: (p: PageVisit) =>
      `After a new reviews process came up: ${p.status} in ${ms(p.ms)} ms, ${p.reviews ? 'with reviews' : 'still without reviews'}; breaker ${p.breaker}.`,
    breakerStates: (p: { states: string; ms: number }) => `The breaker went ${p.states} in ${ms(p.ms)} ms.`,
    breakerState: (p: { state: string }) => p.state,
    rollout: (p: { steps: string }) => `Rolling update: ${p.steps}.`,
    rolloutStep: (p: { ms: number; action: string; name: string }) =>
      `${ms(p.ms)} ms ${p.action === 'start' ? 'started' : 'stopped'} ${p.name}`,
    zeroFailed: (p: { requests: number; failed: number; v1: number; v2: number; statuses: string }) =>
      `${p.requests} requests during the update, ${p.failed} failed: ${p.v1} answered by v1, ${p.v2} by v2 (status codes: ${p.statuses}).`,
    noCoordination: (p: { status: number; order: string }) =>
      `Without coordination, while the stock service was down: ${p.status}, yet the order was saved (status ${p.order}).`,
    noBroker: (p: { url: string }) =>
      `No broker answers at ${p.url} (--broker rabbitmq), so the saga part is skipped. Start RabbitMQ (see README), or leave out --broker: then the embedded broker steps in.`,
    inconsistent: (p: { order: string; available: number; reserved: number }) =>
      `Asked afterwards: orders says ${p.order}, stock has ${p.available} copies and ${p.reserved} reservations: the two are inconsistent.`,
    sagaRefused: (p: { status: number; said: string }) =>
      `The saga's first order was refused: ${p.status} ${p.said}. Is the broker overloaded? Run the step again.`,
    sagaConfirmed: (p: { id: string; status: string; reserved: boolean }) =>
      `Saga, order ${p.id} (in stock): ${p.status}; stock ${p.reserved ? 'holds its reservation' : 'holds no reservation'}.`,
    sagaCompensated: (p: { id: string; status: string; reason: string; reserved: boolean }) =>
      `Saga, order ${p.id} (out of stock): ${p.status}, the stock service said "${p.reason}"; stock ${p.reserved ? 'holds a reservation' : 'holds none'}: consistent again.`,
    sagaNoAnswer: (p: { id: string; status: string; seconds: number; seen: string }) =>
      `Saga, order ${p.id}: no stock.reserved or stock.rejected reached orders within ${numbers.decimal(p.seconds, 0)} s, so it is still ${p.status}. The broker may be overloaded; on the wire: ${p.seen || 'no saga event'}. Run the step again.`,
    price: (p: { trips: number; bytes: number; ms: number; runs: number; names: string }) =>
      `Medians of ${p.runs} runs: the services need ${numbers.decimal(p.trips, 1)}× the round trips, ${numbers.decimal(p.bytes, 1)}× the bytes and ${numbers.decimal(p.ms, 1)}× the time (the page went through ${p.names}).`,
    deployFiles: (p: { files: number; services: number; public: string }) =>
      `${p.files} files for ${p.services} services (and RabbitMQ); reachable from outside: ${p.public}.`,
    deployHow:
      'docker compose up --build runs them on one machine; kubectl apply -f k8s/ in a cluster. The settings have the same names as in this run; heartbeat and TTL are longer for a real network.',
  },
  price: {
    what: 'per book page',
    monolith: 'monolith',
    microservices: 'services',
    trips: 'round trips',
    bytes: 'bytes on the wire',
    latency: 'latency (ms)',
    processes: 'processes',
    memory: 'memory (MB, RSS)',
  },
  deployTable: { file: 'file', bytes: 'bytes' },
  /** `awt-demo compare microservices`: the price step measured on its own. */
  compareView: {
    title: 'Microservices against the monolith: one book page, measured now',
    intro: (p: { runs: number }) =>
      `The same page from the modular monolith and through the API gateway, ${p.runs} times each, taken in turns; medians.`,
    more: 'awt-demo microservices shows every hop; step 10 measures the same in the whole run.',
  },
  format: {
    int: (p: { value: number }) => numbers.integer(p.value),
    ms: (p: { value: number }) => numbers.decimal(p.value, p.value < 10 ? 2 : 1),
    mb: (p: { bytes: number }) => numbers.decimal(p.bytes / 1024 / 1024, 1),
  },
};

export type MicroLesson = typeof en;
