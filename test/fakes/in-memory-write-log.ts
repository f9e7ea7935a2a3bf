/** A WriteLog in memory, shared by the "instances" of a test; `hold()` makes the next generation read wait. */
import type { SourceWrite, WriteLog } from '../../src/ports/write-log';

export class InMemoryWriteLog implements WriteLog {
  private value = 0;
  private readonly bySource = new Map<string, SourceWrite>();
  private held: (() => void)[] | undefined;
  reads = 0;

  async costsWritten(sources: ReadonlyMap<string, number>, at: Date): Promise<void> {
    for (const [source, records] of sources) this.bySource.set(source, { source, records, lastWriteAt: at });
    await this.changed('costs', at);
  }

  async changed(_what?: string, _at?: Date): Promise<void> {
    this.value += 1;
  }

  async generation(): Promise<string> {
    this.reads += 1;
    const value = `g${this.value}`; // read now, answered when released
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    return value;
  }

  async sources(): Promise<SourceWrite[]> {
    return [...this.bySource.values()];
  }

  /** Generation reads from now on wait for release(). */
  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const go of waiting) go();
  }
}
