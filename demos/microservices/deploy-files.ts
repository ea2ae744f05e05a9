/**
 * The files that would run these very services in containers: one Dockerfile (one image,
 * one entry per service), a docker-compose.yml, and per service a Kubernetes Deployment
 * and Service. Made from the same table the demo starts its processes from.
 */
import { stringify } from 'yaml';
import { services, timing, type ServiceSpec } from './topology.js';

export interface DeployFile {
  path: string;
  content: string;
}

/** Timings for a real network: the demo's short ones exist only so a lecture need not wait. */
const deployed = { HEARTBEAT_MS: '5000', TTL_MS: '15000' };
const broker = { user: 'awt', password: 'awt', host: 'rabbitmq', port: 5672 };

const entryPath = (spec: ServiceSpec) => `dist/demos/microservices/services/${spec.entry}.js`;

/** Every setting a service reads, as the demo passes it (under the same names). */
export function environmentOf(spec: ServiceSpec, advertise: string): Record<string, string> {
  return {
    INSTANCE: spec.name,
    HOST: '0.0.0.0',
    PORT: String(spec.port),
    ADVERTISE_URL: advertise,
    ...(spec.name === 'registry' ? {} : { REGISTRY_URL: `http://registry:${registryPort()}` }),
    HEARTBEAT_MS: deployed.HEARTBEAT_MS,
    TTL_MS: deployed.TTL_MS,
    ...spec.env,
    ...(spec.broker
      ? {
          AMQP_URL: `amqp://${broker.user}:${broker.password}@${broker.host}:${broker.port}`,
          AMQP_PREFIX: 'awt',
        }
      : {}),
  };
}

function registryPort(): number {
  return services.find((s) => s.name === 'registry')!.port;
}

function dockerfile(): string {
  return [
    '# One image for every service of awt-demo microservices; each container runs one entry.',
    '# Build it from a checkout where `npm install` has built dist/.',
    'FROM node:20-slim',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN npm ci --omit=dev --ignore-scripts',
    'COPY dist ./dist',
    'USER node',
    'ENV HOST=0.0.0.0',
    `CMD ["node", "${entryPath(services.find((s) => s.name === 'gateway')!)}"]`,
    '',
  ].join('\n');
}

function compose(): string {
  const entries: Record<string, unknown> = {
    rabbitmq: {
      image: 'rabbitmq:3-management',
      // guest may log in from loopback only; the services come from other containers.
      environment: { RABBITMQ_DEFAULT_USER: broker.user, RABBITMQ_DEFAULT_PASS: broker.password },
      ports: ['15672:15672'],
    },
  };
  for (const spec of services) {
    entries[spec.name] = {
      build: '.',
      image: 'awt-demo-services',
      command: ['node', entryPath(spec)],
      environment: environmentOf(spec, `http://${spec.name}:${spec.port}`),
      expose: [String(spec.port)],
      ...(spec.public ? { ports: [`${spec.port}:${spec.port}`] } : {}),
      ...(spec.name === 'registry' ? {} : { depends_on: ['registry', ...(spec.broker ? ['rabbitmq'] : [])] }),
    };
  }
  return stringify({ services: entries });
}

function kubernetes(spec: ServiceSpec): string {
  const labels = { app: spec.name };
  // In Kubernetes each pod registers its own address; the downward API tells it its IP and name.
  const env = Object.entries(environmentOf(spec, `http://$(POD_IP):${spec.port}`)).map(([name, value]) =>
    name === 'INSTANCE' ? { name, valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } } : { name, value },
  );
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.name, labels },
    spec: {
      replicas: spec.name === 'reviews' ? 2 : 1,
      selector: { matchLabels: labels },
      // One new pod up before an old one goes: the rolling update of the demo's step.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: spec.name,
              image: 'awt-demo-services',
              command: ['node', entryPath(spec)],
              ports: [{ containerPort: spec.port }],
              env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }, ...env],
            },
          ],
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: spec.name, labels },
    spec: {
      type: spec.public ? 'LoadBalancer' : 'ClusterIP',
      selector: labels,
      ports: [{ port: spec.port, targetPort: spec.port }],
    },
  };
  return `${stringify(deployment)}---\n${stringify(service)}`;
}

export function deployFiles(): DeployFile[] {
  return [
    { path: 'Dockerfile', content: dockerfile() },
    { path: 'docker-compose.yml', content: compose() },
    ...services.map((spec) => ({ path: `k8s/${spec.name}.yaml`, content: kubernetes(spec) })),
  ];
}

/** The settings the demo gives its processes that the files must carry too (the timing values differ). */
export const demoTiming = timing;
