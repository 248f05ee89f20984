import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { seedJulySale, type JulySale } from '../../mock-server/scenario.js';
import '../../src/routed-queue/define.js';
import '../../src/sms-timeline/define.js';
import {
  describeSize,
  loadSegmentCounter,
  measure,
} from '../../src/sms-composer/segments.js';
import { kitLocale, setLocale } from '../../src/shared/locale.js';
import { outbox } from '../../src/shared/outbox.js';
import type { SmsTimeline } from '../../src/sms-timeline/sms-timeline.js';
import { deep, renderedText } from '../helpers/elements.js';
import { nextSid } from '../helpers/engine.js';
import { eventually, useMockServer } from '../helpers/mock.js';

describe('languages', () => {
  const mock = useMockServer();
  let story: JulySale;

  beforeEach(() => {
    outbox.clear();
    story = seedJulySale(mock.engine);
  });
  afterEach(() => setLocale('en'));

  const timeline = async () => {
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline customer-id=${story.customers.julie}></sms-timeline>`,
    );
    await eventually(() => expect(deep(element, '.log')).to.exist);
    return element;
  };

  it('speaks Spanish once told, and English again, without a reload', async () => {
    const element = await timeline();
    const marker = () => renderedText(deep(element, 'reply-marker'));
    expect(marker()).to.match(
      /^Julie Example responded to the SMS · July Sale/,
    );
    await setLocale('es');
    expect(kitLocale()).to.equal('es');
    await eventually(() =>
      expect(marker()).to.match(
        /^Julie Example respondió al SMS · July Sale · ahora$/,
      ),
    );
    expect(deep(element, '.log').getAttribute('aria-label')).to.equal(
      'Conversación con Julie Example',
    );
    expect(renderedText(deep(element, 'campaign-answer'))).to.contain(
      'Respuesta de mensajería',
    );
    expect(renderedText(deep(element, '.routing'))).to.equal(
      'Dirigida a Gold Members · asignada a Ben Okafor',
    );
    await eventually(() =>
      expect(renderedText(deep(element, 'sms-composer', '.label'))).to.equal(
        'Responder a Julie Example',
      ),
    );
    await setLocale('en');
    await eventually(() =>
      expect(marker()).to.match(/^Julie Example responded to the SMS/),
    );
  });

  it('counts and names sizes in Spanish, numbers written the Spanish way', async () => {
    await Promise.all([setLocale('es'), loadSegmentCounter()]);
    expect(describeSize(measure('x'.repeat(161)))).to.equal(
      '161 caracteres · 2 segmentos · GSM-7',
    );
    expect(describeSize(measure('a'.repeat(1_601)))).to.equal(
      '1601 caracteres: 1 carácter por encima del límite de 1600. Acórtalo para enviarlo.',
    );
  });

  it('explains routing and names statuses in Spanish', async () => {
    await setLocale('es');
    const queue = await fixture(
      html`<routed-queue inbox-id=${story.inboxes.gold}></routed-queue>`,
    );
    await eventually(() =>
      expect(renderedText(deep(queue, '[part=policy]'))).to.equal(
        'Asigna por la mayor capacidad libre',
      ),
    );
    expect(renderedText(deep(queue, '.status.available'))).to.equal(
      'Disponible',
    );
    // One of a thing agrees in number: Ben holds one conversation.
    expect(deep(queue, '.agent .load').getAttribute('aria-label')).to.equal(
      '1 abierta de 3',
    );
    expect(renderedText(deep(queue, '.why'))).to.match(
      /^Ben Okafor tenía la mayor capacidad libre \(3 libres de 3\)\. Los demás: /,
    );
  });

  it('marks its words with its language where the page speaks another', async () => {
    const page = document.documentElement;
    const pageLang = page.getAttribute('lang');
    page.setAttribute('lang', 'en-US');
    try {
      const element = await timeline();
      const marked = () =>
        [...element.shadowRoot!.children]
          .filter((c) => c.localName !== 'style')
          .map((c) => c.getAttribute('lang'));
      expect(marked().every((l) => l === null)).to.equal(true);
      await setLocale('es');
      await eventually(() => expect(new Set(marked())).to.have.keys('es'));
      // An element inside it speaks the language around it: no mark,
      // once it has drawn its Spanish.
      const marker = deep(element, 'reply-marker');
      await eventually(() =>
        expect(renderedText(marker)).to.contain('respondió'),
      );
      const inner = [...marker.shadowRoot!.children].filter(
        (c) => c.localName !== 'style',
      );
      expect(inner.map((c) => c.getAttribute('lang'))).to.not.include('es');
      // In a Spanish page, Spanish needs no mark.
      page.setAttribute('lang', 'es-MX');
      element.requestUpdate();
      await eventually(() =>
        expect(marked().every((l) => l === null)).to.equal(true),
      );
    } finally {
      if (pageLang === null) page.removeAttribute('lang');
      else page.setAttribute('lang', pageLang);
    }
  });

  describe('says what went wrong in the language of the moment', () => {
    it('a load that could not reach the server', async () => {
      mock.worker.use(
        http.get('/api/v1/customers/:id/timeline', () => HttpResponse.error()),
      );
      const element = await fixture<SmsTimeline>(
        html`<sms-timeline
          customer-id=${story.customers.julie}
        ></sms-timeline>`,
      );
      const state = () => renderedText(deep(element, '[part=state]'));
      await eventually(() =>
        expect(state()).to.contain('The server could not be reached'),
      );
      await setLocale('es');
      await eventually(() =>
        expect(state()).to.contain('No se pudo conectar con el servidor'),
      );
    });

    it('an attribute left unset', async () => {
      const element = await fixture(html`<sms-timeline></sms-timeline>`);
      const state = () => renderedText(deep(element, '[part=state]'));
      await eventually(() => expect(state()).to.contain('Set the customer-id'));
      await setLocale('es');
      await eventually(() =>
        expect(state()).to.contain('Indica en el atributo customer-id'),
      );
    });

    it('a reply that could not be sent', async () => {
      mock.worker.use(
        http.post('/api/v1/conversations/:id/messages', () =>
          HttpResponse.error(),
        ),
      );
      const element = await timeline();
      const box = await eventually(() =>
        deep<HTMLTextAreaElement>(element, 'sms-composer', 'textarea'),
      );
      box.value = 'On its way';
      box.dispatchEvent(new InputEvent('input'));
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      const failed = () => renderedText(deep(element, '.failed'));
      await eventually(() =>
        expect(failed()).to.contain(
          'Not sent: The server could not be reached',
        ),
      );
      await setLocale('es');
      await eventually(() =>
        expect(failed()).to.contain(
          'No enviado: No se pudo conectar con el servidor',
        ),
      );
    });

    it('an offer the queue could not accept', async () => {
      mock.engine.updateInbox(story.inboxes.gold, { offerTimeoutSeconds: 30 });
      mock.worker.use(
        http.post('/api/v1/offers/:id/accept', () => HttpResponse.error()),
      );
      const queue = await fixture(
        html`<routed-queue
          inbox-id=${story.inboxes.gold}
          agent-id=${story.agents.amara}
        ></routed-queue>`,
      );
      mock.engine.receiveSms({
        messageSid: nextSid(),
        from: story.phones.marcus,
        to: story.numbers.gold,
        body: 'Hi',
        attachments: [],
      });
      const accept = await eventually(() =>
        deep<HTMLButtonElement>(
          queue,
          '[part=offer-actions] button[aria-label="Accept Marcus Reed"]',
        ),
      );
      accept.click();
      const alert = () => renderedText(deep(queue, '.refused'));
      await eventually(() =>
        expect(alert()).to.equal(
          'Couldn’t accept Marcus Reed: The server could not be reached; check the connection.',
        ),
      );
      await setLocale('es');
      await eventually(() =>
        expect(alert()).to.equal(
          'No se pudo aceptar a Marcus Reed: No se pudo conectar con el servidor; revisa la conexión.',
        ),
      );
    });
  });

  it('refuses a language it does not speak, naming the ones it does', async () => {
    let error: unknown;
    try {
      await setLocale('fr' as never);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('speaks en and es, not "fr"');
    expect(kitLocale() ?? 'en').to.equal('en');
  });
});
