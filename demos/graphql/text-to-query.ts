/**
 * Text to query, as the lecture describes it: the schema learnt by introspection goes
 * into the prompt, a model writes a query for a question in words, and the schema checks
 * the query before anything runs (graphql-js `validate`, the spec's §5 rules). What the
 * model writes is untrusted text: bounded by the parser's token limit, and shown only
 * escaped and cut short.
 */
import {
  buildClientSchema,
  GraphQLError,
  parse,
  printSchema,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { isUnsafeCodePoint, visibleEscape } from '../render/escape.js';
import type { ChatMessage } from './llm-client.js';
import { maxTokens } from './server.js';

/** The schema a client learns from the introspection answer, and the SDL a model reads. */
export function schemaFromIntrospection(data: unknown): { schema: GraphQLSchema; sdl: string } {
  const schema = buildClientSchema(data as IntrospectionQuery);
  return { schema, sdl: printSchema(schema) };
}

/** The prompt is English whatever the output language: it is data for the model, shown on the wire as it is. */
export function promptFor(sdl: string, question: string): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        'You write GraphQL queries for the API with this schema. Answer with exactly one GraphQL query ' +
        'and nothing else: no explanation, no code fence. Use only fields and arguments the schema has.\n\n' +
        sdl,
    },
    { role: 'user', content: question },
  ];
}

/** The next turn after a rejected query: the validation errors go back to the model. */
export function retryPrompt(errors: readonly string[]): ChatMessage {
  return {
    role: 'user',
    content: `The schema rejects that query:\n${errors.join('\n')}\nAnswer with a corrected query only.`,
  };
}

/** The query in a model's answer: models like to wrap it in a Markdown code fence. */
export function queryInAnswer(answer: string): string {
  const open = answer.indexOf('```');
  const close = open < 0 ? -1 : answer.indexOf('```', open + 3);
  if (close < 0) return answer.trim();
  // The fence's first line may name the language: ```graphql
  return answer
    .slice(open + 3, close)
    .replace(/^(?:graphql|gql)\b/i, '')
    .trim();
}

export type Checked = { ok: true; document: DocumentNode } | { ok: false; errors: string[] };

/** Parses and validates a query against the schema; nothing is executed. */
export function checkQuery(schema: GraphQLSchema, query: string): Checked {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens });
  } catch (error) {
    return { ok: false, errors: [error instanceof GraphQLError ? error.message : String(error)] };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { ok: false, errors: errors.map((e) => e.message) };
  if (document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation !== 'query')) {
    // A question asks; a generated mutation would change data nobody asked to change.
    return { ok: false, errors: ['Only queries are run here, not mutations or subscriptions.'] };
  }
  return { ok: true, document };
}

/** Model text for the terminal: on one line, controls escaped, at most `max` characters. */
export function shownAnswer(text: string, max = 160): string {
  let out = '';
  for (const char of text.replace(/\s+/g, ' ').trim()) {
    const code = char.codePointAt(0)!;
    out += isUnsafeCodePoint(code) ? visibleEscape(code) : char;
    if (out.length >= max) return `${out.slice(0, max - 1)}…`;
  }
  return out;
}
