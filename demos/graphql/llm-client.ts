/**
 * A client for an OpenAI-compatible chat endpoint (POST /v1/chat/completions, as Ollama,
 * llama.cpp's server, vLLM and others offer it), behind its own wire tap so the prompt and
 * the model's answer show on the wire like every other call. Everything the endpoint
 * sends is untrusted: the wait is bounded, the body is bounded, and an answer that is not
 * a chat completion is an AwtError, never a crash.
 */
import http from 'node:http';
import { AwtError } from '../core/errors.js';
import { httpDecoder } from '../wire/http-decoder.js';
import { startTap, type Tap } from '../wire/tap.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmClient {
  /** The endpoint as given (shown in the step, never with credentials: --llm-url takes none). */
  readonly url: string;
  readonly model: string;
  readonly tap: Tap;
  /** The text of the model's first choice. */
  complete(messages: ChatMessage[]): Promise<string>;
  close(): Promise<void>;
}

export const defaultLlmModel = 'llama3.2';
/** A local model on a laptop CPU takes seconds for a short query; a minute means it is stuck. */
export const llmTimeoutMs = 60_000;
/** A chat completion with one short query is a few kilobytes. */
export const maxLlmBodyBytes = 256 * 1024;
/** The longest answer taken as a query; the GraphQL parser's token limit applies after it. */
export const maxAnswerChars = 8_000;

/** The path of the chat endpoint under the URL given: a base URL, …/v1, or the full path. */
export function chatPath(url: URL): string {
  let base = url.pathname;
  while (base.endsWith('/')) base = base.slice(0, -1);
  if (base.endsWith('/chat/completions')) return base;
  return base.endsWith('/v1') ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

export interface LlmClientOptions {
  model?: string;
  timeoutMs?: number;
  /** The session's clock origin, so the tap's items interleave with the GraphQL server's. */
  origin?: number;
}

export async function startLlmClient(urlText: string, options: LlmClientOptions = {}): Promise<LlmClient> {
  const { model = defaultLlmModel, timeoutMs = llmTimeoutMs } = options;
  const url = new URL(urlText);
  const target = { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 80) };
  let upstreamError: string | undefined;
  const tap = await startTap({
    target,
    decoder: httpDecoder(),
    onUpstreamError: (_connection, code) => (upstreamError = code),
    ...(options.origin !== undefined ? { origin: options.origin } : {}),
  });
  const tapUrl = new URL(tap.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const fail = (code: 'AWT_LLM_UNREACHABLE' | 'AWT_LLM_BAD_ANSWER', reason: string, detail = '') =>
    new AwtError(code, { url: urlText, reason, detail });

  const post = (payload: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: tapUrl.hostname,
          port: tapUrl.port,
          method: 'POST',
          path: chatPath(url),
          headers: {
            Host: url.host,
            'User-Agent': 'awt-demo',
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Content-Length': String(Buffer.byteLength(payload)),
          },
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxLlmBodyBytes) {
              response.destroy();
              reject(fail('AWT_LLM_BAD_ANSWER', 'too-large', `${maxLlmBodyBytes / 1024} KB`));
            } else chunks.push(chunk);
          });
          response.on('error', (error) => reject(fail('AWT_LLM_UNREACHABLE', 'broken', error.message)));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      request.on('timeout', () => {
        request.destroy();
        reject(fail('AWT_LLM_UNREACHABLE', 'timeout', `${timeoutMs / 1000} s`));
      });
      // Through the tap a refused connection arrives as a closed socket: nothing answered either way.
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(fail('AWT_LLM_UNREACHABLE', 'refused', upstreamError ?? error.code ?? error.message)),
      );
      request.end(payload);
    });

  return {
    url: urlText,
    model,
    tap,
    async complete(messages) {
      // temperature 0: the same question gives the same query, run after run.
      const reply = await post(JSON.stringify({ model, messages, temperature: 0, stream: false }));
      if (reply.status < 200 || reply.status > 299) throw fail('AWT_LLM_BAD_ANSWER', 'status', String(reply.status));
      return contentOf(reply.text, (reason) => fail('AWT_LLM_BAD_ANSWER', reason));
    },
    close: async () => {
      agent.destroy();
      await tap.close();
    },
  };
}

/** choices[0].message.content of a chat completion, or the error the caller makes of what is wrong. */
export function contentOf(text: string, fail: (reason: string) => Error): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail('not-json');
  }
  const content = (body as { choices?: Array<{ message?: { content?: unknown } }> } | null)?.choices?.[0]?.message
    ?.content;
  if (typeof content !== 'string' || content.trim() === '') throw fail('no-content');
  if (content.length > maxAnswerChars) throw fail('too-long');
  return content;
}
