import type { Step } from '../../core/demo.js';
import { itemsOfKind, type WireItem } from '../../wire/trace.js';
import type { WebSocketFrameItem } from '../../wire/websocket-frames.js';
import type { WebsocketLesson } from '../../../lessons/websocket/en.js';
import type { WebsocketSession } from '../session.js';

export type WebsocketStep = Step<WebsocketSession, WebsocketLesson>;

export function framesIn(items: readonly WireItem[]): WebSocketFrameItem[] {
  return itemsOfKind(items, 'ws-frame');
}
