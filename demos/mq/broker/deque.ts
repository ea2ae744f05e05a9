/**
 * A double-ended queue on a ring buffer: messages leave at the head and come back there
 * when requeued (RabbitMQ puts requeued messages back in front), and neither end costs
 * more than O(1), unlike Array.shift on a queue of 20 000 messages.
 */
export class Deque<T> {
  private items: Array<T | undefined> = new Array<T | undefined>(16);
  private head = 0;
  length = 0;

  push(item: T): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = item;
    this.length++;
  }

  unshift(item: T): void {
    if (this.length === this.items.length) this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = item;
    this.length++;
  }

  peek(): T | undefined {
    return this.length === 0 ? undefined : this.items[this.head];
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return item;
  }

  /** Empties the deque and hands back what it held, head first. */
  drain(): T[] {
    const out: T[] = [];
    for (let item = this.shift(); item !== undefined; item = this.shift()) out.push(item);
    return out;
  }

  private grow(): void {
    const size = this.items.length;
    const next = new Array<T | undefined>(size * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) & (size - 1)];
    this.items = next;
    this.head = 0;
  }
}
