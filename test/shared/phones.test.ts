import { expect } from '@open-wc/testing';
import { formatPhone, loadPhoneFormatting } from '../../src/shared/format.js';

// A page of its own: formatting has not loaded when this file starts.
describe('loadPhoneFormatting.whenLoaded', () => {
  it('calls whoever waits once formatting is there, however it came, but not one that left', async () => {
    expect(formatPhone('+14155550100', 'US')).to.equal('+14155550100');
    const calls: string[] = [];
    loadPhoneFormatting.whenLoaded(() => calls.push('stayed'));
    const stop = loadPhoneFormatting.whenLoaded(() => calls.push('left'));
    stop();
    await loadPhoneFormatting();
    expect(calls).to.deep.equal(['stayed']);
    expect(formatPhone('+14155550100', 'US')).to.equal('(415) 555-0100');
    // Once there, a newcomer is called at once, after what runs now.
    loadPhoneFormatting.whenLoaded(() => calls.push('late'));
    expect(calls).to.deep.equal(['stayed']);
    await Promise.resolve();
    expect(calls).to.deep.equal(['stayed', 'late']);
  });
});
