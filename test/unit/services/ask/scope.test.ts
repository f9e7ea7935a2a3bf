/** The asker's scope holds on every path: added where the question says nothing, refused where it names more. */
import { applyScope, parseQuestion, type AskIntent } from '../../../../src/services/ask';
import { catalog } from './catalog-fixture';

const intent = (text: string): AskIntent => {
  const r = parseQuestion(text, { today: '2024-10-16', catalog });
  if (!r.ok) throw new Error(r.reason);
  return r.intent;
};

describe('applyScope', () => {
  const scope = { accounts: ['111111111111'], tags: [{ key: 'env', value: 'prod' }], name: "in this channel's project" };

  it('narrows a question that names nothing to what the asker may see', () => {
    const r = applyScope(intent('costs by account last month'), scope);
    expect(r).toMatchObject({ ok: true, intent: { query: { groupBy: 'account', filters: { accounts: ['111111111111'], tags: [{ key: 'env', value: 'prod' }] } } } });
  });

  it('refuses a question naming anything outside it, whatever the words say', () => {
    expect(applyScope(intent('what did staging cost last month'), scope)).toMatchObject({ ok: false, code: 'out-of-scope', reason: expect.stringContaining('333333333333') });
    expect(applyScope(intent('costs tagged env dev last month'), scope)).toMatchObject({ ok: false, code: 'out-of-scope' });
    expect(applyScope(intent('what did prod-core cost last month'), scope)).toMatchObject({ ok: true });
  });

  it('changes nothing without a scope', () => {
    const i = intent('costs by account last month');
    expect(applyScope(i, undefined)).toEqual({ ok: true, intent: i });
  });
});
