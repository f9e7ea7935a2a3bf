import { SHORTCUTS } from './follow-up';
import type { DigestStatusAnswer } from './types';

/** The digest status with its one follow-up: set it up, or change its settings. */
export function digestStatus(fields: Omit<DigestStatusAnswer, 'kind' | 'actions'>): DigestStatusAnswer {
  const label = fields.subscribed ? 'Change settings' : 'Set up digest';
  return { kind: 'digest-status', ...fields, actions: [{ id: 'digest-settings', label, command: SHORTCUTS.digestSettings, primary: !fields.subscribed }] };
}
