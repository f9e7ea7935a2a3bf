/**
 * A thread's previous intent as stored text: JSON with a version, read back with a light check, so
 * a context written by an older Penny (or damaged) is ignored rather than misread.
 */
import { INTENT_KINDS, type AskIntent } from '../ask';

const VERSION = 1;

export function threadIntentText(intent: AskIntent): string {
  return JSON.stringify({ v: VERSION, intent });
}

export function readThreadIntent(text: string): AskIntent | undefined {
  try {
    const parsed = JSON.parse(text) as { v?: number; intent?: AskIntent };
    const intent = parsed.intent;
    const ok = parsed.v === VERSION && intent && (INTENT_KINDS as readonly string[]).includes(intent.kind)
      && typeof intent.query?.period?.range?.start === 'string' && typeof intent.query.period.range.end === 'string'
      && Array.isArray(intent.query.filters?.providers) && Array.isArray(intent.debug?.matched);
    return ok ? intent : undefined;
  } catch {
    return undefined;
  }
}
