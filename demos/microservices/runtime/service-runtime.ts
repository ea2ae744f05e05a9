/**
 * The life of one service process. Under awt-demo it is a child with an IPC channel:
 * it listens on a free port, tells the parent the port, learns the address of the tap
 * in front of it (the address it registers), and exits as soon as the channel closes,
 * so a parent that dies (even by SIGKILL) leaves no process and no port behind.
 * Without the channel (a container, see the deploy files) it reads the same settings
 * from the environment and stops on SIGTERM.
 */
import http from 'node:http';
import type net from 'node:net';
import { register, type Registration } from './discovery.js';
import { BadRequest, sendProblem } from './http-io.js';
import { createServiceClient, type ServiceClient } from './service-client.js';
import { continueTrace, type TraceContext } from './trace-context.js';
import type { ChildMessage, ParentMessage } from './messages.js';

export interface ServiceEnv {
  /** The instance's name: its lane in the trace and its User-Agent. */
  instance: string;
  registryUrl: string | undefined;
  heartbeatMs: number;
  ttlMs: number;
  get(name: string): string | undefined;
}

export interface RequestContext {
  trace: TraceContext;
  url: URL;
  client: ServiceClient;
  env: ServiceEnv;
}

export type Handler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  context: RequestContext,
) => Promise<boolean | void>;

export interface ServiceDefinition {
  /** The name it registers under; none for gateways and BFFs, which only call others. */
  registerAs?: string;
  handle: Handler;
  /**
   * Loads what the service will need (graphql, amqplib) before it listens: a process
   * forked ahead of its step does this work while earlier steps run.
   */
  preload?(): Promise<unknown>;
  /** Runs once the service's address is known, before it says it is ready (a broker connection). */
  setUp?(env: ServiceEnv, client: ServiceClient, send: (event: unknown) => void): Promise<void>;
  tearDown?(): Promise<void>;
}

function readEnv(env: Record<string, string | undefined>): ServiceEnv {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    instance: env.INSTANCE ?? 'service',
    registryUrl: env.REGISTRY_URL || undefined,
    heartbeatMs: number('HEARTBEAT_MS', 1000),
    ttlMs: number('TTL_MS', 3000),
    get: (name) => env[name],
  };
}

export async function runService(definition: ServiceDefinition): Promise<void> {
  let env = readEnv(process.env);
  const client = createServiceClient(env.instance);
  const send = (message: ChildMessage) => {
    if (process.connected) process.send?.(message);
  };
  const server = http.createServer((request, response) => {
    const context: RequestContext = {
      trace: continueTrace(request.headers.traceparent as string | undefined),
      url: new URL(request.url ?? '/', 'http://service'),
      client,
      env,
    };
    definition.handle(request, response, context).then(
      (handled) => {
        if (handled === false && !response.headersSent) sendProblem(response, 404, 'no such resource');
      },
      (error: unknown) => {
        if (response.headersSent) return response.destroy();
        if (error instanceof BadRequest) sendProblem(response, error.status, error.message);
        else sendProblem(response, 500, 'internal error');
      },
    );
  });
  server.keepAliveTimeout = 5000;

  const underParent = typeof process.send === 'function';
  // The parent's death closes the channel: nothing is left to serve, so leave at once. The
  // channel may have closed already while this module was loading: then the event is gone.
  if (underParent) {
    process.on('disconnect', () => process.exit(0));
    if (!process.connected) process.exit(0);
    // Ctrl-C reaches the whole process group; the parent decides when its children stop.
    process.on('SIGINT', () => undefined);
  }

  try {
    await definition.preload?.();
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
  const host = env.get('HOST') ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(env.get('PORT') ?? 0), host, resolve);
  });
  const { port } = server.address() as net.AddressInfo;

  let advertised = env.get('ADVERTISE_URL') ?? `http://${host}:${port}`;
  if (underParent) {
    // Settings known only once other processes run (the registry's address) come with the address.
    const told = await advertisedByParent(port, send);
    advertised = told.url;
    env = readEnv({ ...process.env, ...told.env });
  }
  let registration: Registration | undefined;
  try {
    await definition.setUp?.(env, client, (event) => send({ type: 'event', event }));
    if (definition.registerAs && env.registryUrl) {
      registration = await register(client, env.registryUrl, {
        service: definition.registerAs,
        url: advertised,
        ttlMs: env.ttlMs,
        heartbeatMs: env.heartbeatMs,
      });
    }
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Leave the registry first, so nobody is sent here any more; then let calls under way finish.
    await registration?.leave();
    await definition.tearDown?.().catch(() => undefined);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', () => void stop());
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'stats') send({ type: 'stats', rss: process.memoryUsage().rss, pid: process.pid });
  });
  send({ type: 'ready', pid: process.pid, port, ...(registration ? { registrationId: registration.id } : {}) });
}

function advertisedByParent(
  port: number,
  send: (message: ChildMessage) => void,
): Promise<{ url: string; env: Record<string, string> }> {
  return new Promise((resolve) => {
    // A spare waits here until its step comes, which takes as long as the lecture lingers on
    // the steps before it: no time limit. A parent that is gone closes the channel, and the
    // 'disconnect' handler above ends this process.
    const onMessage = (message: ParentMessage) => {
      if (message.type !== 'advertise') return;
      process.off('message', onMessage);
      resolve(message);
    };
    process.on('message', onMessage);
    send({ type: 'listening', port });
  });
}
