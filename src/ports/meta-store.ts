/** Small named values the app keeps between runs (what the demo loaded, settings). */
export interface MetaStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
}
