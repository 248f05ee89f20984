// The demo at `/` in server mode: two windows signed in as two agents share
// the server's engine, live, with no engine or MSW worker in the page.
// Needs the built demo (dist/demo) and package; `npm test` builds both.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { createKitServer } from '../../dist/mock-server/server.js';
import { browserArgs, findBrowser } from '../../scripts/find-browser.mjs';
import { until } from '../helpers/until.mjs';

const root = resolve(import.meta.dirname, '../..');
const demo = join(root, 'dist/demo');

describe('the demo at / in server mode', { timeout: 60_000 }, () => {
  let server;
  let url;
  let browser;
  before(async () => {
    assert.ok(
      existsSync(join(demo, 'index.html')),
      'dist/demo is missing: run npm run build:demo (npm test does)',
    );
    server = createKitServer({ seed: true, staticDirs: { '/': demo } });
    url = `http://127.0.0.1:${await server.listen(0)}`;
    browser = await chromium.launch({
      executablePath: findBrowser(),
      args: browserArgs(),
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The demo in a window of its own, signed in as `agentName`. */
  async function signIn(agentName) {
    const page = await (await browser.newContext()).newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/`);
    await page.locator('#boot').waitFor({ state: 'detached' });
    await page.locator('#signed-in option', { hasText: agentName }).waitFor({
      state: 'attached',
    });
    await page.selectOption('#signed-in', { label: agentName });
    return { page, errors };
  }

  /** The event log's lines, newest first. */
  const logOf = (page) => page.locator('#log li').allTextContents();

  it('shares the server’s engine between two agents’ windows, live, with no worker in the page', async () => {
    const ben = await signIn('Ben Okafor');
    const amara = await signIn('Amara Silva');

    for (const { page } of [ben, amara]) {
      // No engine in the page: no MSW service worker, and it says whose.
      assert.deepEqual(
        await page.evaluate(async () => ({
          workers: (await navigator.serviceWorker.getRegistrations()).length,
          controlled: Boolean(navigator.serviceWorker.controller),
        })),
        { workers: 0, controlled: false },
      );
      assert.match(await page.textContent('#mode'), /server mode/);
      // The clock's speed is the in-page mock's: off here, saying why.
      assert.equal(await page.isDisabled('select[name=speed]'), true);
      assert.match(
        await page.textContent('#speed-unavailable'),
        /runs in real time/,
      );
    }
    assert.equal(await ben.page.inputValue('#signed-in'), 'agt_3');
    assert.equal(await amara.page.inputValue('#signed-in'), 'agt_4');

    // A customer texts in from Ben's window: the form goes to the server's
    // real webhook, and Amara's window hears it.
    const text = ben.page.locator('form', { hasText: 'A customer texts in' });
    await text.locator('input[name=from]').fill('+14155550177');
    await text.locator('textarea[name=body]').fill('Do you ship to Canada?');
    await text.locator('button[type=submit]').click();
    await until('the webhook is answered', async () =>
      /Sent as a Twilio webhook/.test(await text.locator('output').innerText()),
    );
    assert.equal(server.engine.findCustomersByPhone('+14155550177').length, 1);
    await until('Amara’s log names the text', async () =>
      (await logOf(amara.page)).some((line) =>
        line.includes('texted: "Do you ship to Canada?"'),
      ),
    );
    await until('Amara’s picker has the new customer', async () =>
      (await amara.page.locator('#customers').innerText()).includes(
        '(415) 555-0177',
      ),
    );

    // Amara closes that conversation; Ben's window hears it.
    const close = amara.page.locator('form', {
      hasText: 'An agent closes a conversation',
    });
    const conversation = await close
      .locator('select[name=conversation] option', { hasText: '555-0177' })
      .getAttribute('value');
    await close.locator('select[name=conversation]').selectOption(conversation);
    await close.locator('button[type=submit]').click();
    await until('Ben’s log says it closed', async () =>
      (await logOf(ben.page)).some((line) =>
        /555-0177's conversation closed/.test(line),
      ),
    );

    // Ben starts the story again: Amara's window reads it afresh and
    // stays signed in as her.
    await ben.page
      .getByRole('button', { name: 'Start the story again' })
      .click();
    await until('Amara’s picker loses the new customer', async () => {
      const names = await amara.page.locator('#customers').innerText();
      return names.includes('Julie Example') && !names.includes('555-0177');
    });
    // Her agent, under the id the story gave her this time.
    const again = server.engine
      .listAgents()
      .find((agent) => agent.name === 'Amara Silva');
    assert.notEqual(again.id, 'agt_4');
    await until('Amara is still signed in', async () =>
      [
        await amara.page.inputValue('#signed-in'),
        await amara.page.getAttribute('#gold-queue', 'agent-id'),
        await amara.page.getAttribute('#timeline', 'agent-id'),
      ].every((id) => id === again.id),
    );
    assert.deepEqual([...ben.errors, ...amara.errors], []);
  });

  it('refuses a bad number by naming it, and keeps the text', async () => {
    const { page } = await signIn('Ben Okafor');
    const text = page.locator('form', { hasText: 'A customer texts in' });
    await text.locator('input[name=from]').fill('not a phone');
    await text.locator('textarea[name=body]').fill('Keep me');
    await text.locator('button[type=submit]').click();
    await until('the refusal shows', async () =>
      /From/.test(await text.locator('output.error').innerText()),
    );
    assert.match(
      await text.locator('output.error').innerText(),
      /From: expected an E\.164 phone number/,
    );
    assert.equal(
      await text.locator('textarea[name=body]').inputValue(),
      'Keep me',
    );
  });
});
