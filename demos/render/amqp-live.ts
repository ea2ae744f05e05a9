/**
 * The live trace of `awt-demo broker`: one line per frame as it crosses, with time,
 * connection, channel and direction. The sequence diagram of the mq demo needs a whole
 * step to lay out its lanes; a broker that runs until Ctrl-C shows each frame at once.
 */
import type { AmqpFrameItem } from '../wire/amqp-frames.js';
import { bodyView, methodSpans, propertySpans } from './amqp-labels.js';
import { span, wrap, type Line, type Span } from './lines.js';
import type { RenderOptions } from './options.js';

/** Body text shown per frame before it is cut (--full shows it whole). */
const BODY_CHARACTERS = 80;

export function renderAmqpLive(item: AmqpFrameItem, options: RenderOptions): Line[] {
  const words = options.messages;
  const lead: Span[] = [
    span(`${words.numbers.ms(item.at).padStart(9)} ms  `, 'dim'),
    span(
      `${words.broker.connection({ id: item.connection }).padEnd(4)} ${words.amqp.channel({ channel: item.channel }).padEnd(6)} `,
      'dim',
    ),
    span(`${item.direction === 'up' ? words.broker.up : words.broker.down}  `, item.direction === 'up' ? 'up' : 'down'),
  ];
  if (item.error) return wrap([...lead, span(item.error, 'warn')], options.width);
  switch (item.frameType) {
    case 'method':
      return wrap([...lead, ...methodSpans(item, options.full)], options.width);
    case 'header':
      return wrap(
        [
          ...lead,
          span(`${words.amqp.contentHeader} ${words.numbers.bytes(item.bodySize ?? 0)} `, 'dim'),
          ...propertySpans(item, words),
        ],
        options.width,
      );
    case 'body': {
      const [first = [], ...rest] = bodyView([item], '', options.full, BODY_CHARACTERS);
      return [
        ...wrap([...lead, span(`${words.amqp.body({ bytes: item.bodySize ?? 0 })} `, 'dim'), ...first], options.width),
        ...rest,
      ];
    }
    case 'protocol-header':
      return [[...lead, span(`AMQP ${item.fields?.major}-${item.fields?.minor}-${item.fields?.revision}`, 'dim')]];
    default:
      return [[...lead, span(item.frameType, 'dim')]];
  }
}
