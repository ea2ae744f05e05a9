/** What awt-demo and a service process say to each other over the IPC channel. */
export type ParentMessage =
  { type: 'advertise'; url: string; env: Record<string, string> } | { type: 'stop' } | { type: 'stats' };

export type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'ready'; pid: number; port: number; registrationId?: string }
  | { type: 'failed'; message: string }
  | { type: 'stats'; rss: number; pid: number }
  | { type: 'event'; event: unknown };
