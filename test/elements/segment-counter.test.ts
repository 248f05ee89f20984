import { expect, fixture, html } from '@open-wc/testing';
import { seedJulySale } from '../../mock-server/scenario.js';
import '../../src/sms-composer/define.js';
import type { SmsComposer } from '../../src/sms-composer/sms-composer.js';
import { measure } from '../../src/sms-composer/segments.js';
import { outbox } from '../../src/shared/outbox.js';
import { deep, renderedText } from '../helpers/elements.js';
import { eventually, useMockServer } from '../helpers/mock.js';

// A page of its own: the counter has not loaded when this file starts.
describe('the segment counter', () => {
  const mock = useMockServer();

  it('is not there until a composer connects, which loads it, then counts', async () => {
    expect(measure('x'.repeat(161)).counted).to.equal(false);
    const story = seedJulySale(mock.engine);
    const conversationId = mock.engine
      .listConversations(story.customers.julie)
      .find((c) => c.status === 'OPEN')!.id;
    outbox.setDraft(conversationId, 'x'.repeat(161));
    const element = await fixture<SmsComposer>(
      html`<sms-composer conversation-id=${conversationId}></sms-composer>`,
    );
    await eventually(() =>
      expect(renderedText(deep(element, '.size'))).to.equal(
        '161 characters · 2 segments · GSM-7',
      ),
    );
    expect(measure('x'.repeat(161)).counted).to.equal(true);
    outbox.clear();
  });
});
