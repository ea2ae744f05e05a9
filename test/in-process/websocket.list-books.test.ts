import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nextMessage, opened } from '../../demos/websocket/clients.js';
import { startWebsocket, type WebsocketSession } from '../../demos/websocket/session.js';
import type { WebSocket } from 'ws';

async function ask(ws: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  const answer = nextMessage(ws);
  ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  const { data, isBinary } = await answer;
  assert.equal(isBinary, false);
  return JSON.parse(String(data)) as Record<string, unknown>;
}

describe('the book club’s listBooks request', () => {
  let session: WebsocketSession;
  let ada: WebSocket;
  let grace: WebSocket;

  before(async () => {
    session = await startWebsocket();
    ada = session.connect('/chat', { query: { name: 'Ada' } });
    grace = session.connect('/chat', { query: { name: 'Grace' } });
    await Promise.all([opened(ada), opened(grace)]);
  });

  after(() => session.close());

  test('when a member asks with an id then the answer carries that id and every book with all six fields', async () => {
    const answer = await ask(ada, { type: 'listBooks', id: 'q-7' });
    assert.deepEqual(Object.keys(answer), ['type', 'id', 'books']);
    assert.equal(answer.type, 'books');
    assert.equal(answer.id, 'q-7');
    const books = answer.books as Array<Record<string, unknown>>;
    assert.equal(books.length, 6);
    for (const book of books)
      assert.deepEqual(Object.keys(book), ['id', 'title', 'author', 'year', 'isbn', 'createdAt']);
    // The same books as the store holds, as REST lists them: JSON of the stored books.
    assert.deepEqual(books, JSON.parse(JSON.stringify(session.store.list())));
  });

  test('when Ada asks then only Ada is answered: Grace’s next message is the chat that follows', async () => {
    await ask(ada, { type: 'listBooks', id: '1' });
    const heard = [nextMessage(grace), nextMessage(ada)];
    ada.send(JSON.stringify({ type: 'chat', text: 'and now for something else' }));
    // Had the books gone to Grace too, they would be her next message; Ada hears her own chat.
    for (const message of await Promise.all(heard)) {
      const { type, from } = JSON.parse(String(message.data)) as { type: string; from: string };
      assert.deepEqual([type, from], ['chat', 'Ada']);
    }
  });

  test('when two requests are in flight then each answer names its own id, in order', async () => {
    const answers: string[] = [];
    const both = new Promise<void>((resolve) => {
      const listener = (data: Buffer) => {
        answers.push(String((JSON.parse(String(data)) as { id: string }).id));
        if (answers.length === 2) {
          ada.off('message', listener);
          resolve();
        }
      };
      ada.on('message', listener);
    });
    ada.send(JSON.stringify({ type: 'listBooks', id: 'a' }));
    ada.send(JSON.stringify({ type: 'listBooks', id: 'b' }));
    await both;
    assert.deepEqual(answers, ['a', 'b']);
  });

  const badRequests: Array<[string, unknown]> = [
    ['without an id', { type: 'listBooks' }],
    ['with an empty id', { type: 'listBooks', id: '' }],
    ['with a number as the id', { type: 'listBooks', id: 7 }],
    ['with an id of 65 characters', { type: 'listBooks', id: 'x'.repeat(65) }],
  ];
  for (const [name, request] of badRequests) {
    test(`when listBooks comes ${name} then the answer is an error that shows the request’s form`, async () => {
      const answer = await ask(ada, request);
      assert.equal(answer.type, 'error');
      assert.match(String(answer.message), /\{"type":"listBooks","id":"…"\} with an id of 1 to 64 characters/);
    });
  }

  test('when the type is unknown then the error names both requests the club understands', async () => {
    const answer = await ask(ada, { type: 'listbooks', id: '1' });
    assert.equal(answer.type, 'error');
    assert.match(String(answer.message), /"chat".*"listBooks"/);
  });
});
