import { expect } from '@open-wc/testing';
import { loadOnce } from '../../src/shared/lazy.js';

describe('loadOnce', () => {
  it('loads once, however often it is asked', async () => {
    let loads = 0;
    const load = loadOnce(async () => ++loads);
    expect(await Promise.all([load(), load()])).to.deep.equal([1, 1]);
    expect(await load()).to.equal(1);
  });

  it('tries again after a load that failed, such as a chunk that never came', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch');
      return loads;
    });
    let failed: unknown;
    await load().catch((error: unknown) => (failed = error));
    expect(failed).to.be.instanceOf(TypeError);
    expect(await load()).to.equal(2);
  });

  it('draws again whoever waited through a failed load, once a later one succeeds', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch');
    });
    const calls: string[] = [];
    load.whenLoaded(() => calls.push('drawn while it failed'));
    const stop = load.whenLoaded(() => calls.push('left'));
    stop();
    // The load whenLoaded asked for, which fails.
    await load().catch(() => {});
    expect(calls).to.deep.equal([]);
    await load();
    expect(calls).to.deep.equal(['drawn while it failed']);
  });
});
