export default async function globalTeardown(): Promise<void> {
  await globalThis.__PENNY_TEST_SERVER__?.stop();
}
