import type { MetaStore } from '../../src/ports/meta-store';

/** Named values in a map, copied in and out as the database would. */
export class InMemoryMetaStore implements MetaStore {
  readonly values = new Map<string, unknown>();

  async get<T>(key: string): Promise<T | undefined> {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}
