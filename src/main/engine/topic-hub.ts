// Pushed topics: who listens to what, and pushing only what is news. Knows nothing of where the
// payloads come from; the engine publishes, the faces subscribe.
import type { TopicName, TopicPayload } from '../../shared/contract';

type Listener<T extends TopicName> = (payload: TopicPayload<T>) => void;
type Listeners = { [T in TopicName]?: Set<Listener<T>> };

export class TopicHub {
  private readonly listeners: Listeners = {};
  private readonly lastPublished = new Map<TopicName, string>();
  private readonly countListeners = new Set<() => void>();

  subscribe<T extends TopicName>(topic: T, listener: Listener<T>): () => void {
    const set: Set<Listener<T>> = this.listeners[topic] ?? new Set();
    set.add(listener);
    (this.listeners as { [K in T]?: Set<Listener<K>> })[topic] = set;
    this.countChanged();
    return () => {
      set.delete(listener);
      this.countChanged();
    };
  }

  /** How many listen to a topic (sampling runs only while someone looks). */
  count(topic: TopicName): number {
    return this.listeners[topic]?.size ?? 0;
  }

  /** Called whenever a subscription starts or ends. */
  onCountChange(listener: () => void): void {
    this.countListeners.add(listener);
  }

  publish<T extends TopicName>(topic: T, payload: TopicPayload<T>): void {
    const set: Set<Listener<T>> | undefined = this.listeners[topic];
    for (const listener of set ?? []) listener(payload);
  }

  /** Only real changes are pushed: a reading that finds the same state is not news. `key` drops what always moves. */
  publishIfChanged<T extends TopicName>(topic: T, payload: TopicPayload<T>, key: string = JSON.stringify(payload)): void {
    if (key === this.lastPublished.get(topic)) return;
    this.lastPublished.set(topic, key);
    this.publish(topic, payload);
  }

  private countChanged(): void {
    this.countListeners.forEach((listener) => listener());
  }
}
