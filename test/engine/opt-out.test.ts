import { expect } from '@open-wc/testing';
import { smsKeyword } from '../../mock-server/engine/keywords.js';
import type { KeywordKind, TimelineItem } from '../../src/sdk/schemas.js';
import { GOLD, JULIE, refusal, setup, snapshot } from '../helpers/engine.js';

const kinds = (items: TimelineItem[]) => items.map((i) => i.content.type);

describe('opt-out keywords', () => {
  describe('what counts as a keyword', () => {
    const cases: Array<[string, KeywordKind | undefined]> = [
      ['STOP', 'OPT_OUT'],
      ['stop', 'OPT_OUT'],
      ['  Stop!  ', 'OPT_OUT'],
      ['STOP.', 'OPT_OUT'],
      ['STOP !', 'OPT_OUT'],
      ['ſtop', undefined],
      ['unsubscribe', 'OPT_OUT'],
      ['StopAll', 'OPT_OUT'],
      ['cancel', 'OPT_OUT'],
      ['END', 'OPT_OUT'],
      ['quit', 'OPT_OUT'],
      ['REVOKE', 'OPT_OUT'],
      ['optout', 'OPT_OUT'],
      ['start', 'OPT_IN'],
      ['Yes!', 'OPT_IN'],
      ['UNSTOP', 'OPT_IN'],
      ['help', 'HELP'],
      ['INFO?', 'HELP'],
      ['Please stop texting me', undefined],
      ['STOP IT', undefined],
      ['stopping', undefined],
      ['', undefined],
      ['!!!', undefined],
    ];
    for (const [body, expected] of cases) {
      it(`reads ${JSON.stringify(body)} as ${expected ?? 'no keyword'}`, () => {
        expect(smsKeyword(body)?.kind).to.equal(expected);
      });
    }

    it('names the keyword as the customer meant it, in capitals', () => {
      expect(smsKeyword(' Unsubscribe. ')?.keyword).to.equal('UNSUBSCRIBE');
    });
  });

  describe('in the engine', () => {
    function optedOut() {
      const t = setup();
      const ben = t.agent('Ben');
      t.sms(JULIE, { body: 'Stop' });
      const [customer] = t.engine.findCustomersByPhone(JULIE);
      return { ...t, ben, customer: customer! };
    }

    it('sets the phone’s smsPreference to OFF and adds an OPT_OUT item', () => {
      const { engine, customer } = optedOut();
      expect(engine.getCustomer(customer.id).phones[0]!.smsPreference).to.equal(
        'OFF',
      );
      const items = engine.getTimeline(customer.id).items;
      expect(kinds(items)).to.deep.equal(['SMS', 'OPT_OUT', 'ROUTING']);
      expect(items[1]!.content).to.deep.equal({
        type: 'OPT_OUT',
        phoneNumber: JULIE,
        keyword: 'STOP',
      });
    });

    it('still stores and routes the message, as any other', () => {
      const { engine, customer, ben } = optedOut();
      const [conversation] = engine.listConversations(customer.id);
      expect(conversation!.agentId).to.equal(ben.id);
      expect(engine.lostMessages()).to.deep.equal([]);
    });

    it('tells the customer.updated listeners', () => {
      const t = setup();
      const before = t.engine.events.latestId;
      t.sms(JULIE, { body: 'Hello' });
      t.sms(JULIE, { body: 'STOP' });
      const updates = t.engine.events
        .since(before)
        .filter((e) => e.type === 'customer.updated');
      expect(
        updates.map(
          (e) =>
            e.type === 'customer.updated' && e.data.phones[0]!.smsPreference,
        ),
      ).to.deep.equal(['ON', 'OFF']);
    });

    it('sets it back ON with START, YES or UNSTOP, adding an OPT_IN item', () => {
      for (const word of ['START', 'yes', 'Unstop']) {
        const { engine, customer, sms } = optedOut();
        sms(JULIE, { body: word });
        expect(
          engine.getCustomer(customer.id).phones[0]!.smsPreference,
        ).to.equal('ON');
        const last = engine.getTimeline(customer.id).items.at(-1)!;
        expect(last.content).to.deep.include({ type: 'OPT_IN' });
      }
    });

    it('adds a HELP item for HELP or INFO and changes nothing else', () => {
      for (const body of ['HELP', 'info']) {
        const t = setup();
        t.sms(JULIE, { body });
        const [customer] = t.engine.findCustomersByPhone(JULIE);
        expect(customer!.phones[0]!.smsPreference, body).to.equal('ON');
        expect(
          kinds(t.engine.getTimeline(customer!.id).items),
          body,
        ).to.deep.equal(['SMS', 'HELP', 'ROUTING']);
      }
    });

    it('does not take a keyword inside a longer message', () => {
      const t = setup();
      t.sms(JULIE, { body: 'Please stop sending these' });
      const [customer] = t.engine.findCustomersByPhone(JULIE);
      expect(customer!.phones[0]!.smsPreference).to.equal('ON');
      expect(kinds(t.engine.getTimeline(customer!.id).items)).to.deep.equal([
        'SMS',
        'ROUTING',
      ]);
    });

    it('refuses an agent reply to an opted-out number, changing nothing', () => {
      const { engine, customer, ben } = optedOut();
      const [conversation] = engine.listConversations(customer.id);
      const before = snapshot(engine);
      const error = refusal(() =>
        engine.sendAgentMessage(
          conversation!.id,
          ben.id,
          'Sorry to see you go',
        ),
      );
      expect(error.kind).to.equal('conflict');
      expect(error.message).to.contain('opted out');
      expect(snapshot(engine)).to.equal(before);
    });

    it('skips an opted-out recipient of a campaign and reports it', () => {
      const { engine, customer } = optedOut();
      const campaign = engine.createCampaign({
        name: 'August',
        from: GOLD,
        answer: { name: 'Back to school', body: 'New term, new deals.' },
        recipients: [
          { name: 'Julie Example', phoneNumber: JULIE },
          { name: 'Marcus Reed', phoneNumber: '+14155550143' },
        ],
      });
      expect(campaign.skipped).to.deep.equal([
        { customerId: customer.id, phoneNumber: JULIE, reason: 'OPTED_OUT' },
      ]);
      expect(campaign.recipients.map((r) => r.phoneNumber)).to.deep.equal([
        '+14155550143',
      ]);
      const campaignItems = engine
        .getTimeline(customer.id)
        .items.filter((i) => i.content.type === 'SMS' && i.content.campaign);
      expect(campaignItems).to.deep.equal([]);
    });
  });
});
