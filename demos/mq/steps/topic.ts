/**
 * A topic exchange: routing keys book.<genre>.<event> against patterns with * (exactly
 * one word) and # (zero or more words). The facts name, per key, the queues the broker
 * delivered to and the word each wildcard took.
 */
import { messages } from '../frames.js';
import { topicMatch } from '../matching.js';
import { bookOrder, json } from '../shop.js';
import { boundListeners, mqStep, producer } from '../step.js';
import { atMost } from '../wait.js';

const keys = ['book.scifi.added', 'book.crime.added', 'book.scifi.sold-out', 'book.crime.review.added', 'author.added'];

export const topic = mqStep('topic', async ({ session, lesson }) => {
  const bindings = [
    { tag: 'sci-fi', name: lesson.parties.scifi, pattern: 'book.scifi.*' },
    { tag: 'new-releases', name: lesson.parties.newReleases, pattern: 'book.*.added' },
    { tag: 'restock', name: lesson.parties.restock, pattern: '#.sold-out' },
    { tag: 'audit', name: lesson.parties.audit, pattern: 'book.#' },
  ];
  const exchange = session.exchange('book-topics');
  const catalogue = await producer(session, lesson.parties.catalogue);
  await catalogue.channel.assertExchange(exchange, 'topic', { durable: false });
  const all = await boundListeners(
    session,
    exchange,
    bindings.map(({ tag, name, pattern }) => ({ tag, name, key: pattern })),
  );
  keys.forEach((key, i) =>
    catalogue.channel.publish(exchange, key, json({ event: key, title: bookOrder(0, i).title }), {
      contentType: 'application/json',
    }),
  );
  // The broker decides; our matcher only predicts how many to wait for, so a disagreement shows in the facts.
  const expected = keys.flatMap((key) => bindings.filter((b) => topicMatch(b.pattern, key))).length;
  await atMost(all.until(expected), 1500);

  return (frames) => {
    const delivered = messages(frames, 'Basic.Deliver');
    return keys.map((key) => {
      const to = delivered
        .filter((m) => m.fields.routingKey === key)
        .map((m) => {
          const binding = bindings.find((b) => b.name === m.party);
          const why = binding && topicMatch(binding.pattern, key);
          return `${m.party} (${binding?.pattern ?? '?'}${why && why.length > 0 ? `: ${why.join(', ')}` : ''})`;
        });
      return to.length > 0 ? lesson.facts.topicKey({ key, to: to.join('; ') }) : lesson.facts.topicNone({ key });
    });
  };
});
