/**
 * A headers exchange routes on the message's header table, not on its routing key:
 * x-match=all needs every bound header equal, x-match=any needs one.
 */
import { messages } from '../frames.js';
import { headersMatch } from '../matching.js';
import { bookOrder, json } from '../shop.js';
import { boundListeners, mqStep, producer } from '../step.js';
import { atMost } from '../wait.js';

const editions = [
  { format: 'ebook', lang: 'de' },
  { format: 'ebook', lang: 'en' },
  { format: 'paperback', lang: 'de' },
  { format: 'paperback', lang: 'en' },
];

export const headers = mqStep('headers', async ({ session, lesson }) => {
  const bindings = [
    { tag: 'all', name: lesson.parties.allMatch, args: { 'x-match': 'all', format: 'ebook', lang: 'de' } },
    { tag: 'any', name: lesson.parties.anyMatch, args: { 'x-match': 'any', format: 'ebook', lang: 'de' } },
  ];
  const exchange = session.exchange('book-editions');
  const catalogue = await producer(session, lesson.parties.catalogue);
  await catalogue.channel.assertExchange(exchange, 'headers', { durable: false });
  // The routing key of a headers binding is ignored; the arguments are the rule.
  const all = await boundListeners(
    session,
    exchange,
    bindings.map(({ tag, name, args }) => ({ tag, name, key: '', args })),
  );
  editions.forEach((edition, i) =>
    catalogue.channel.publish(exchange, '', json({ title: bookOrder(0, i).title, ...edition }), {
      contentType: 'application/json',
      headers: edition,
    }),
  );
  const expected = editions.flatMap((e) => bindings.filter((b) => headersMatch(b.args, e).matched)).length;
  await atMost(all.until(expected), 1500);

  return (frames) => {
    const sent = messages(frames, 'Basic.Publish');
    const delivered = messages(frames, 'Basic.Deliver');
    return sent.map((message) => {
      const edition = (message.properties.headers ?? {}) as Record<string, unknown>;
      const label = Object.entries(edition)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(' ');
      const to = delivered
        .filter((m) => m.body === message.body)
        .map((m) => {
          const binding = bindings.find((b) => b.name === m.party);
          const why = binding ? headersMatch(binding.args, edition).equal.join(', ') : '?';
          return `${m.party} (x-match=${binding?.args['x-match'] ?? '?'}: ${why})`;
        });
      return to.length > 0
        ? lesson.facts.headersTo({ headers: label, to: to.join('; ') })
        : lesson.facts.headersNone({ headers: label });
    });
  };
});
