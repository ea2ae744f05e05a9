/**
 * GraphQL and AI: the schema from introspection becomes the prompt, a model writes a
 * query for a question in words, validate() checks it against the schema, and only a
 * valid query is sent. A rejected query goes back to the model with the errors, once.
 */
import { getIntrospectionQuery } from 'graphql';
import type { HttpReply } from '../wire/http-client.js';
import { askedAuthor, recordedAnswers } from './recorded-answers.js';
import type { GraphqlStep } from './step-type.js';
import type { ChatMessage } from './llm-client.js';
import {
  checkQuery,
  promptFor,
  queryInAnswer,
  retryPrompt,
  schemaFromIntrospection,
  shownAnswer,
} from './text-to-query.js';

/** The first answer, and one more after the errors went back: a model that needs more is not helped by a loop. */
const maxAnswers = 2;

export const textToQueryStep: GraphqlStep = {
  id: 'textToQuery',
  async run({ session, lesson }) {
    const facts: string[] = [];
    const introspection = await session.query(getIntrospectionQuery());
    const { schema, sdl } = schemaFromIntrospection((introspection.json as { data: unknown }).data);
    const messages: ChatMessage[] = promptFor(sdl, lesson.question);
    facts.push(lesson.facts.prompt({ lines: sdl.split('\n').length, question: lesson.question }));
    facts.push(
      session.llm
        ? lesson.facts.liveModel({ model: session.llm.model, url: session.llm.url })
        : lesson.facts.recordedModel,
    );
    for (let n = 1; n <= maxAnswers; n++) {
      const answer = session.llm ? await session.llm.complete(messages) : recordedAnswers[n - 1]!;
      const query = queryInAnswer(answer);
      const checked = checkQuery(schema, query);
      facts.push(lesson.facts.answer({ n, query: shownAnswer(query) }));
      if (!checked.ok) {
        facts.push(lesson.facts.rejected({ errors: shownAnswer(checked.errors.slice(0, 2).join(' '), 200) }));
        messages.push({ role: 'assistant', content: answer }, retryPrompt(checked.errors));
        continue;
      }
      facts.push(lesson.facts.accepted);
      facts.push(outcome(await session.query(query), lesson));
      return facts;
    }
    facts.push(lesson.facts.noValidQuery({ answers: maxAnswers }));
    return facts;
  },
};

type Lesson = Parameters<GraphqlStep['run']>[0]['lesson'];
type Book = { title?: unknown; author?: unknown; reviews?: Array<{ rating?: unknown }> };

/** The question's answer as a sentence when the data has books with authors; otherwise the status and a bounded excerpt. */
function outcome(reply: HttpReply, lesson: Lesson): string {
  const data = (reply.json as { data?: { books?: unknown } } | undefined)?.data;
  const books = Array.isArray(data?.books) ? (data.books as Book[]) : undefined;
  if (reply.status === 200 && books?.every((b) => typeof b.title === 'string' && typeof b.author === 'string')) {
    const found = books
      .filter((b) => b.author === askedAuthor)
      .map((b) =>
        lesson.facts.bookRatings({
          title: shownAnswer(String(b.title), 60),
          ratings: (b.reviews ?? [])
            .map((r) => Number(r.rating))
            .filter(Number.isFinite)
            .join(', '),
        }),
      );
    return lesson.facts.found({ status: reply.status, author: askedAuthor, books: found.join('; '), of: books.length });
  }
  return lesson.facts.executed({ status: reply.status, body: shownAnswer(reply.text, 160) });
}
