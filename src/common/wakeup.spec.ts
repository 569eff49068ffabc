import { Wakeup } from './wakeup';

describe('Wakeup', () => {
  it('sleeps until woken, and a poke while busy makes the next sleep return at once', async () => {
    const wakeup = new Wakeup();
    let woke = false;
    const sleeping = wakeup.sleep(60_000).then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    wakeup.poke();
    await sleeping;
    expect(woke).toBe(true);

    // The poke above is still pending: this sleep returns at once, the one after it waits.
    const started = Date.now();
    await wakeup.sleep(60_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    const timedOut = await Promise.race([
      wakeup.sleep(50).then(() => 'slept'),
      new Promise((resolve) => setTimeout(() => resolve('early'), 20)),
    ]);
    expect(timedOut).toBe('early');
  });

  it('ends every sleep at shutdown', async () => {
    const wakeup = new Wakeup();
    const sleeps = [wakeup.sleep(60_000), wakeup.sleep(60_000)];
    wakeup.wakeAll();
    await expect(Promise.all(sleeps)).resolves.toEqual([undefined, undefined]);
  });
});
