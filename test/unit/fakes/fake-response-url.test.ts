import { startFakeResponseUrl, type FakeResponseUrl } from '../../fakes/fake-response-url';

// Posts the way Bolt's respond() does: JSON, no auth header.
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('fake response_url', () => {
  let fake: FakeResponseUrl;

  beforeAll(async () => {
    fake = await startFakeResponseUrl();
  });
  afterAll(() => fake.close());

  it('hands out unique URLs and records what is posted to each', async () => {
    const a = fake.newUrl();
    const b = fake.newUrl();
    expect(a).not.toBe(b);
    expect((await post(a, { text: 'for a', response_type: 'ephemeral' })).status).toBe(200);
    expect(fake.postsTo(a)).toEqual([expect.objectContaining({ body: { text: 'for a', response_type: 'ephemeral' }, status: 200 })]);
    expect(fake.postsTo(b)).toEqual([]);
  });

  it('accepts 5 posts per URL and answers the 6th with 404 used_url', async () => {
    const url = fake.newUrl();
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i += 1) statuses.push((await post(url, { text: `update ${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(fake.postsTo(url)[5]).toMatchObject({ status: 404, error: 'used_url' });
  });

  it('refuses expired URLs and invalid blocks without spending a use', async () => {
    const url = fake.newUrl();
    const res = await post(url, { blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('invalid_blocks');
    fake.expire(url);
    const late = await post(url, { text: 'late' });
    expect([late.status, await late.text()]).toEqual([404, 'expired_url']);
  });

  it('waitForPost resolves when the post arrives', async () => {
    const url = fake.newUrl();
    const waiting = fake.waitForPost(url, 2000, (p) => p.body.text === 'second');
    setTimeout(() => void post(url, { text: 'first' }).then(() => post(url, { text: 'second' })), 20);
    await expect(waiting).resolves.toMatchObject({ body: { text: 'second' }, status: 200 });
    await expect(fake.waitForPost(fake.newUrl(), 50)).rejects.toThrow(/No matching post/);
  });
});
