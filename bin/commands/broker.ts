/**
 * `awt-demo broker`: the embedded AMQP 0-9-1 broker on its own, behind the wire tap, so
 * the lecture's pika producer and consumer, a student's own code or `awt-demo mq
 * --amqp-url` can talk to it while every frame shows here. Runs until Ctrl-C.
 */
import { track } from '../../demos/core/cleanup.js';
import { AwtError } from '../../demos/core/errors.js';
import { messages } from '../../demos/core/messages/index.js';
import { integerOption, resolveLang } from '../options.js';
import { outputWidth, write } from '../output.js';

export interface RawBrokerOptions {
  port?: string;
  json?: boolean;
  lang?: string;
  color?: boolean;
  width?: string;
  full?: boolean;
}

/** RabbitMQ's port (AMQP 0-9-1 §4.2.2, IANA), so clients written for a local RabbitMQ need no change. */
export const defaultBrokerPort = 5672;

export async function brokerCommand(raw: RawBrokerOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(raw.lang, env);
  const port = raw.port === undefined ? defaultBrokerPort : integerOption('--port', raw.port, 1, 65535);
  const width = outputWidth(raw.width === undefined ? undefined : integerOption('--width', raw.width, 40, 400));
  const { startBroker } = await import('../../demos/mq/broker/server.js');
  const { startTap } = await import('../../demos/wire/tap.js');
  const { createAmqpFrameDecoder } = await import('../../demos/wire/amqp-frames.js');
  const { createTheme, wantsColor } = await import('../../demos/render/theme.js');
  const { renderAmqpLive } = await import('../../demos/render/amqp-live.js');
  const { paint } = await import('../../demos/render/lines.js');
  const theme = createTheme(raw.color !== false && !raw.json && wantsColor(process.stdout, env));
  const render = { width, theme, messages: messages[lang], raw: false, full: Boolean(raw.full) };

  // The broker itself listens on a free port; clients reach it through the tap on --port.
  const broker = await startBroker({ port: 0 });
  track(() => broker.close());
  const tap = await startTap({
    target: { host: '127.0.0.1', port: broker.port },
    port,
    decoder: (connection, emit) => createAmqpFrameDecoder(connection, emit),
    onItem: (item) => {
      if (item.kind !== 'amqp-frame') return;
      if (raw.json) return write(JSON.stringify(item) + '\n');
      write(paint(renderAmqpLive(item, render), theme) + '\n');
    },
  }).catch((error: NodeJS.ErrnoException) => {
    // 5672 is RabbitMQ's port: on a machine with RabbitMQ it is taken, and the way out differs from --serve's.
    throw error.code === 'EADDRINUSE' ? new AwtError('AWT_BROKER_PORT_IN_USE', { port }) : error;
  });
  track(() => tap.close());

  const brokerWords = messages[lang].broker;
  const url = `amqp://guest:guest@127.0.0.1:${tap.port}`;
  const hello = [
    brokerWords.listening({ url }),
    brokerWords.memory,
    '',
    brokerWords.tryThese,
    ...brokerWords.examples({ url }).map((line) => `  ${line}`),
    '',
    brokerWords.waiting,
    '',
  ];
  (raw.json ? process.stderr : process.stdout).write(hello.join('\n') + '\n');
  // Runs until Ctrl-C; the entry point closes everything and exits 130.
  await new Promise<never>(() => {});
}
