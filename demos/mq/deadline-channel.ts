/**
 * A channel whose every request to the broker has a deadline. A broker that keeps the
 * TCP connection but stops answering (paused, blocked by a resource alarm, a half-dead
 * proxy) would otherwise leave `await channel.assertQueue(...)` waiting forever; here
 * each synchronous method (AMQP 0-9-1 §2.2.2: a request that the broker answers with
 * its "-Ok") rejects with AWT_BROKER_UNREACHABLE ("stalled") once the patience is over.
 */
import type amqp from 'amqplib';

/** The amqplib channel methods that wait for the broker's answer, with the frame they wait for. */
const awaited: Record<string, string> = {
  assertQueue: 'Queue.DeclareOk',
  checkQueue: 'Queue.DeclareOk',
  deleteQueue: 'Queue.DeleteOk',
  purgeQueue: 'Queue.PurgeOk',
  bindQueue: 'Queue.BindOk',
  unbindQueue: 'Queue.UnbindOk',
  assertExchange: 'Exchange.DeclareOk',
  checkExchange: 'Exchange.DeclareOk',
  deleteExchange: 'Exchange.DeleteOk',
  bindExchange: 'Exchange.BindOk',
  unbindExchange: 'Exchange.UnbindOk',
  consume: 'Basic.ConsumeOk',
  cancel: 'Basic.CancelOk',
  prefetch: 'Basic.QosOk',
  qos: 'Basic.QosOk',
  recover: 'Basic.RecoverOk',
  get: 'Basic.GetOk',
  close: 'Channel.CloseOk',
};

export type Deadline = <T>(promise: Promise<T>, awaiting: string) => Promise<T>;

export function withDeadlines<C extends amqp.Channel>(channel: C, deadline: Deadline): C {
  return new Proxy(channel, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const awaiting = typeof property === 'string' ? awaited[property] : undefined;
      if (!awaiting) return value.bind(target) as unknown;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? deadline(result, awaiting) : result;
      };
    },
  });
}
