/**
 * The deploy files describe these very services: every service of the demo, its port and
 * every setting its process reads are in the compose file and in its Kubernetes manifests.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { deployFiles } from '../../demos/microservices/deploy-files.js';
import { services, timing } from '../../demos/microservices/topology.js';
import { runCli } from '../utils/cli.js';

/** The settings every service process reads (demos/microservices/runtime/service-runtime.ts), besides its own. */
const common = ['INSTANCE', 'HOST', 'PORT', 'ADVERTISE_URL', 'HEARTBEAT_MS', 'TTL_MS'];

const file = (name: string) => deployFiles().find((f) => f.path === name)!.content;

describe('the deploy files of awt-demo microservices', () => {
  test('when docker-compose.yml is parsed then every service is there with its port, entry and every setting', () => {
    const compose = parse(file('docker-compose.yml')) as {
      services: Record<string, { command: string[]; environment: Record<string, string>; expose: string[] }>;
    };
    assert.deepEqual(Object.keys(compose.services).sort(), [...services.map((s) => s.name), 'rabbitmq'].sort());
    for (const spec of services) {
      const entry = compose.services[spec.name]!;
      assert.deepEqual(entry.command, ['node', `dist/demos/microservices/services/${spec.entry}.js`]);
      assert.deepEqual(entry.expose, [String(spec.port)]);
      assert.equal(entry.environment.PORT, String(spec.port));
      const wanted = [
        ...common,
        ...Object.keys(spec.env),
        ...(spec.name === 'registry' ? [] : ['REGISTRY_URL']),
        ...(spec.broker ? ['AMQP_URL', 'AMQP_PREFIX'] : []),
      ];
      for (const key of wanted) assert.ok(key in entry.environment, `${spec.name}: ${key}`);
      for (const [key, value] of Object.entries(spec.env)) assert.equal(entry.environment[key], value, key);
      if (spec.name !== 'registry') assert.equal(entry.environment.REGISTRY_URL, 'http://registry:8500');
    }
    // The same setting names the demo gives its processes, with longer times for a real network.
    assert.ok(Number(compose.services.gateway!.environment.TTL_MS) > Number(timing.TTL_MS));
  });

  test('when the Kubernetes manifests are parsed then each service has a Deployment and a Service on its port', () => {
    for (const spec of services) {
      const docs = parseAllDocuments(file(`k8s/${spec.name}.yaml`)).map((d) => d.toJS()) as Array<
        Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
      >;
      const deployment = docs.find((d) => d.kind === 'Deployment')!;
      const service = docs.find((d) => d.kind === 'Service')!;
      assert.equal(deployment.metadata.name, spec.name);
      const container = deployment.spec.template.spec.containers[0];
      assert.equal(container.ports[0].containerPort, spec.port);
      assert.deepEqual(container.command, ['node', `dist/demos/microservices/services/${spec.entry}.js`]);
      const names = (container.env as Array<{ name: string }>).map((e) => e.name);
      for (const key of [...common, ...Object.keys(spec.env)]) assert.ok(names.includes(key), `${spec.name}: ${key}`);
      assert.equal(service.spec.ports[0].port, spec.port);
      assert.deepEqual(service.spec.selector, deployment.spec.selector.matchLabels);
      assert.equal(service.spec.type, spec.public ? 'LoadBalancer' : 'ClusterIP');
    }
  });

  test('when --deploy-files names a directory then the files are written; a second time nothing is overwritten, exit 4', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'awt-deploy-'));
    try {
      const first = await runCli(['microservices', '--deploy-files', dir]);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, new RegExp(`Wrote ${deployFiles().length} files`));
      assert.equal(await readFile(path.join(dir, 'Dockerfile'), 'utf8'), file('Dockerfile'));
      const second = await runCli(['microservices', '--deploy-files', dir]);
      assert.equal(second.code, 4);
      assert.match(second.stderr, /already holds Dockerfile; awt-demo does not overwrite files/);
      assert.doesNotMatch(second.stderr, /^\s+at /m);
      const other = await runCli(['rest', '--deploy-files', dir]);
      assert.equal(other.code, 2);
      assert.match(other.stderr, /The rest demo has no deploy files/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
