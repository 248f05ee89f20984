// Server mode (`npm run serve`), in Node against the built package: state
// that survives a kill, Twilio's signature, and two agents in two browser
// contexts sharing one engine. Needs `npm run build` first; `npm test`
// runs it after the browser tests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import twilio from 'twilio';
import { createKitServer } from '../../dist/mock-server/server.js';
import { twilioInboundForm } from '../../dist/mock-server/simulator.js';
import { browserArgs, findBrowser } from '../../scripts/find-browser.mjs';
import { until } from '../helpers/until.mjs';

const root = resolve(import.meta.dirname, '../..');
const GOLD = '+14155550100';
const work = mkdtempSync(join(tmpdir(), 'sms-kit-server-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Starts `npm run serve`'s script on a free port; resolves with its URL. */
function serve(stateFile) {
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0', SMS_KIT_STATE: stateFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /on (http:\/\/localhost:\d+)\//.exec(out);
      if (found) resolvePromise({ child, url: found[1] });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

/** A POST with the path exactly as given; resolves with the status. */
function rawPost(url, path, body) {
  const { hostname, port } = new URL(url);
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      (res) => {
        res.resume();
        resolvePromise(res.statusCode);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const postSms = (url, form, headers = {}) =>
  fetch(`${url}/api/v1/webhooks/twilio/sms`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: form,
  });

/** Every text body on the timeline of the customer texting from `phone`. */
async function bodiesOf(url, phone) {
  const found = await fetch(
    `${url}/api/v1/customers?phone=${encodeURIComponent(phone)}`,
  ).then((r) => r.json());
  if (found.length === 0) return [];
  const bodies = [];
  let cursor = '';
  do {
    const page = await fetch(
      `${url}/api/v1/customers/${found[0].id}/timeline?limit=200${cursor ? `&before=${cursor}` : ''}`,
    ).then((r) => r.json());
    for (const item of page.items) {
      if (item.content.type === 'SMS') bodies.push(item.content.body);
    }
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return bodies;
}

describe('server mode', { timeout: 60_000 }, () => {
  it('loses no acknowledged message when killed mid-run, and reads its state back', async () => {
    const stateFile = join(work, 'kill.json');
    const first = await serve(stateFile);
    const phone = '+14155550199';
    const acknowledged = [];
    let sent = 0;
    let killed = false;
    // Five at a time, until the kill.
    const sender = async () => {
      while (!killed) {
        const body = `Message ${sent++}`;
        try {
          const response = await postSms(
            first.url,
            twilioInboundForm({ from: phone, to: GOLD, body }),
          );
          if (response.ok) acknowledged.push(body);
        } catch {
          // The kill cut this one off: it was never acknowledged.
        }
      }
    };
    const senders = Array.from({ length: 5 }, sender);
    // Mid-run: once a good many are in, at a moment no one chose.
    await until('a dozen acknowledged', () => acknowledged.length > 12, 20_000);
    await new Promise((r) => setTimeout(r, Math.random() * 200));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(senders);
    assert.ok(acknowledged.length > 10, `only ${acknowledged.length} sent`);

    const second = await serve(stateFile);
    try {
      const kept = new Set(await bodiesOf(second.url, phone));
      const lost = acknowledged.filter((body) => !kept.has(body));
      assert.deepEqual(
        lost,
        [],
        `${lost.length} of ${acknowledged.length} lost`,
      );
      // The story is there too, as it was.
      const inboxes = await fetch(`${second.url}/api/v1/inboxes`).then((r) =>
        r.json(),
      );
      assert.deepEqual(
        inboxes.map((i) => i.name),
        ['Gold Members', 'General Support'],
      );
    } finally {
      second.child.kill();
    }
  });

  it('stores a reply sent again after a kill once, by its Idempotency-Key', async () => {
    const stateFile = join(work, 'reply-key.json');
    const julie = '+14155550142';
    const reply = (url, conversation) =>
      fetch(`${url}/api/v1/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'reply-after-kill',
        },
        body: JSON.stringify({
          agentId: conversation.agentId,
          body: 'Sent before the kill',
        }),
      }).then((r) => r.json());
    const first = await serve(stateFile);
    let open;
    let stored;
    try {
      const [customer] = await fetch(
        `${first.url}/api/v1/customers?phone=${encodeURIComponent(julie)}`,
      ).then((r) => r.json());
      const conversations = await fetch(
        `${first.url}/api/v1/conversations?customerId=${customer.id}`,
      ).then((r) => r.json());
      open = conversations.find((c) => c.status === 'OPEN');
      stored = await reply(first.url, open);
    } finally {
      // Killed as if before its answer got out: the page sends it again.
      first.child.kill('SIGKILL');
    }
    const second = await serve(stateFile);
    try {
      assert.equal((await reply(second.url, open)).id, stored.id);
      const bodies = await bodiesOf(second.url, julie);
      assert.equal(
        bodies.filter((b) => b === 'Sent before the kill').length,
        1,
      );
    } finally {
      second.child.kill();
    }
  });

  it('undoes and does not acknowledge a change it cannot write, and goes on', async () => {
    const dir = join(work, 'unwritable');
    const stateFile = join(dir, 'state.json');
    const server = createKitServer({ seed: true, stateFile });
    const url = `http://127.0.0.1:${await server.listen(0)}`;
    try {
      // The folder becomes a file: nothing can be written there now.
      rmSync(dir, { recursive: true });
      writeFileSync(dir, 'not a folder');
      const before = server.engine.events.latestId;
      await assert.rejects(
        postSms(
          url,
          twilioInboundForm({ from: '+14155550166', to: GOLD, body: 'Lost?' }),
        ),
      );
      // Not stored, and the server still answers. (The undoing is told to
      // clients as engine.reset, so the event ids went on.)
      assert.deepEqual(server.engine.findCustomersByPhone('+14155550166'), []);
      assert.ok(server.engine.events.latestId > before);
      const inboxes = await fetch(`${url}/api/v1/inboxes`);
      assert.equal(inboxes.status, 200);
    } finally {
      await server.close().catch(() => {});
      rmSync(dir, { force: true });
    }
  });

  it('keeps a clock moved by POST /clock through a restart', async () => {
    const stateFile = join(work, 'clock.json');
    const first = createKitServer({ seed: true, stateFile });
    const url = `http://127.0.0.1:${await first.listen(0)}`;
    let moved;
    try {
      moved = await fetch(`${url}/api/v1/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceSeconds: 7 * 24 * 3600 }),
      }).then((r) => r.json());
    } finally {
      await first.close();
    }
    const second = createKitServer({ stateFile });
    try {
      assert.ok(
        Date.parse(second.engine.now()) >= Date.parse(moved.now) - 1000,
      );
    } finally {
      await second.close();
    }
  });

  it('stays up when the engine is emptied before a message’s delivery callback', async () => {
    const server = createKitServer({ seed: true, simulateDelivery: true });
    const url = `http://127.0.0.1:${await server.listen(0)}`;
    // Counts the callbacks as they come, to wait for them.
    let callbacks = 0;
    const updateDelivery = server.engine.updateDelivery.bind(server.engine);
    server.engine.updateDelivery = (callback) => {
      callbacks += 1;
      return updateDelivery(callback);
    };
    try {
      // The story sends its campaign again; its callbacks are due in one
      // and two seconds, and find the engine emptied.
      const story = await fetch(`${url}/api/v1/story`, { method: 'POST' });
      assert.equal(story.status, 200);
      assert.match((await story.json()).campaignId, /^cmp_/);
      await fetch(`${url}/api/v1/reset`, { method: 'POST' });
      // Each of the four messages' two callbacks, on an empty engine.
      await until('the callbacks ran', () => callbacks >= 8, 5000);
      const inboxes = await fetch(`${url}/api/v1/inboxes`);
      assert.deepEqual(await inboxes.json(), []);
    } finally {
      await server.close();
    }
  });

  it('says which state file it cannot read, and what to do', () => {
    const stateFile = join(work, 'broken.json');
    writeFileSync(stateFile, '{"format":1,"sta');
    assert.throws(
      () => createKitServer({ stateFile }),
      /Cannot take up the state in .*broken\.json: Not an engine snapshot.*Move the file aside/,
    );
  });

  it('answers a bad path or a body too large in JSON, naming it', async () => {
    const server = createKitServer({ seed: true });
    const url = `http://127.0.0.1:${await server.listen(0)}`;
    try {
      const bad = await fetch(`${url}/api/v1/customers/%E0%A4%A`);
      assert.equal(bad.status, 400);
      assert.match((await bad.json()).message, /not a valid URL path/);
      const big = await fetch(`${url}/api/v1/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceSeconds: 1, pad: 'x'.repeat(2_000_000) }),
      });
      assert.equal(big.status, 413);
      assert.match((await big.json()).message, /more than the 1048576/);
      // Sent in chunks, with no Content-Length to go by.
      const chunks = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{'));
          for (let i = 0; i < 40; i++) {
            controller.enqueue(new TextEncoder().encode(' '.repeat(50_000)));
          }
          controller.enqueue(new TextEncoder().encode('"advanceSeconds":1}'));
          controller.close();
        },
      });
      const before = server.engine.now();
      const chunked = await fetch(`${url}/api/v1/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks,
        duplex: 'half',
      });
      assert.equal(chunked.status, 413);
      assert.match((await chunked.json()).message, /more than the 1048576/);
      assert.ok(Date.parse(server.engine.now()) - Date.parse(before) < 1000);
    } finally {
      await server.close();
    }
  });

  describe('with TWILIO_AUTH_TOKEN', () => {
    const token = 'test-auth-token';
    let server;
    let url;
    before(async () => {
      server = createKitServer({ seed: true, twilioAuthToken: token });
      url = `http://127.0.0.1:${await server.listen(0)}`;
    });
    after(() => server.close());

    const signed = (form, target = `${url}/api/v1/webhooks/twilio/sms`) =>
      twilio.getExpectedTwilioSignature(
        token,
        target,
        Object.fromEntries(form),
      );

    it('refuses a body over a megabyte with 413, signed or not, chunked too', async () => {
      const before = server.engine.events.latestId;
      const form = twilioInboundForm({
        from: '+14155550186',
        to: GOLD,
        body: 'x',
      });
      form.set('Padding', 'p'.repeat(1_100_000));
      const text = form.toString();
      const chunked = () =>
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(text));
            controller.close();
          },
        });
      for (const headers of [{ 'x-twilio-signature': signed(form) }, {}]) {
        const response = await fetch(`${url}/api/v1/webhooks/twilio/sms`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...headers,
          },
          body: chunked(),
          duplex: 'half',
        });
        assert.equal(response.status, 413);
        const answer = await response.json();
        assert.match(answer.message, /more than the 1048576 bytes/);
        assert.equal(answer.problems[0].path, '');
      }
      assert.equal(server.engine.events.latestId, before);
    });

    it('refuses a missing or forged signature with 403, storing nothing', async () => {
      const before = server.engine.events.latestId;
      const form = twilioInboundForm({
        from: '+14155550188',
        to: GOLD,
        body: 'Forged',
      });
      const missing = await postSms(url, form);
      assert.equal(missing.status, 403);
      assert.match(
        (await missing.json()).message,
        /X-Twilio-Signature is missing/,
      );
      const forged = await postSms(url, form, {
        'x-twilio-signature': signed(form, 'https://elsewhere.example/hook'),
      });
      assert.equal(forged.status, 403);
      assert.match((await forged.json()).message, /does not match/);
      assert.equal(server.engine.events.latestId, before);
      assert.deepEqual(server.engine.findCustomersByPhone('+14155550188'), []);
    });

    it('guards the path the handlers read, however it is written', async () => {
      const form = twilioInboundForm({
        from: '+14155550187',
        to: GOLD,
        body: 'Sneaky',
      });
      for (const path of [
        '/api/v1/./webhooks/twilio/sms',
        '/api/v1/x/../webhooks/twilio/sms',
        '/api/v1/%2e/webhooks/twilio/sms',
        // The handlers' routes match whatever the case.
        '/API/V1/WEBHOOKS/TWILIO/SMS',
        '/api/v1/Webhooks/Twilio/sms',
        '/api/v1/webhooks/TWILIO/status',
      ]) {
        // fetch would tidy the path; a raw request keeps it as written.
        const status = await rawPost(url, path, form.toString());
        assert.equal(status, 403, path);
      }
      assert.deepEqual(server.engine.findCustomersByPhone('+14155550187'), []);
    });

    it('takes a signed delivery once, and answers Twilio’s retry of it as a repeat', async () => {
      const form = twilioInboundForm({
        from: '+14155550177',
        to: GOLD,
        body: 'Signed',
      });
      const headers = { 'x-twilio-signature': signed(form) };
      const first = await postSms(url, form, headers);
      assert.equal(first.status, 200);
      const retry = await postSms(url, form, headers);
      assert.equal(retry.status, 200);
      assert.deepEqual(await bodiesOf(url, '+14155550177'), ['Signed']);
    });
  });

  describe('in the browser', () => {
    let server;
    let url;
    let browser;
    const reactHost = join(work, 'react');
    before(async () => {
      // A React app of the kit's wrappers, bundled as a host's would be.
      await build({
        entryPoints: [join(root, 'test/react/app.tsx')],
        bundle: true,
        format: 'esm',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        outfile: join(reactHost, 'app.js'),
        logLevel: 'warning',
      });
      writeFileSync(
        join(reactHost, 'index.html'),
        '<!doctype html><div id="root"></div><script type="module" src="app.js"></script>',
      );
      server = createKitServer({
        seed: true,
        staticDirs: {
          '/cdn': join(root, 'dist/cdn'),
          '/examples': join(root, 'examples'),
          '/react': reactHost,
        },
      });
      url = `http://127.0.0.1:${await server.listen(0)}`;
      browser = await chromium.launch({
        executablePath: findBrowser(),
        args: browserArgs(),
      });
    });
    after(async () => {
      await browser?.close();
      await server.close();
    });

    /** The text of `selector`, through the shadow roots on the way. */
    const textOf = (page, ...path) =>
      page.evaluate((path) => {
        let node = document;
        for (const selector of path) {
          node = (node.shadowRoot ?? node).querySelector(selector);
          if (!node) return '';
        }
        return (node.shadowRoot ?? node).textContent.replace(/\s+/g, ' ');
      }, path);

    it('runs the plain HTML example: one script, tags hidden until their code loads', async () => {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The element code comes late, as on a slow line.
      await page.route('**/cdn/elements/**', async (route) => {
        await new Promise((r) => setTimeout(r, 300));
        await route.continue();
      });
      await page.goto(`${url}/examples/plain.html`, {
        waitUntil: 'domcontentloaded',
      });
      await page.waitForFunction(() =>
        document.querySelector('style[data-sms-campaign-kit]'),
      );
      const early = await page.evaluate(() => ({
        defined: Boolean(customElements.get('sms-timeline')),
        visibility: getComputedStyle(document.querySelector('sms-timeline'))
          .visibility,
      }));
      assert.deepEqual(early, { defined: false, visibility: 'hidden' });
      await until('the timeline shows Julie’s reply', async () =>
        (await textOf(page, 'sms-timeline')).includes('Great! Tell me more.'),
      );
      assert.equal(
        await page.evaluate(
          () =>
            getComputedStyle(document.querySelector('sms-timeline')).visibility,
        ),
        'visible',
      );
      // Julie writes again: it shows live.
      await postSms(
        url,
        twilioInboundForm({
          from: '+14155550142',
          to: GOLD,
          body: 'Is it online too?',
        }),
      );
      await until('the new text shows', async () =>
        (await textOf(page, 'sms-timeline')).includes('Is it online too?'),
      );
      // Focus on the reply marker's stamp shows both numbers.
      await page.evaluate(() => {
        const timeline = document.querySelector('sms-timeline').shadowRoot;
        timeline
          .querySelector('reply-marker')
          .shadowRoot.querySelector('[part=stamp]')
          .focus();
      });
      await until('the numbers card opens', async () =>
        /\(415\) 555-0100.*\(415\) 555-0142/.test(
          await textOf(
            page,
            'sms-timeline',
            'reply-marker',
            'number-hovercard',
          ),
        ),
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('works from React: typed props set the elements, typed events reach the app', async () => {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${url}/react/index.html`);
      await until('the queue shows', async () =>
        (await textOf(page, 'routed-queue')).includes('Gold Members'),
      );
      // The prop reached the element as its property.
      assert.equal(
        await page.evaluate(
          () => document.querySelector('routed-queue').agentId,
        ),
        'agt_3',
      );
      await page
        .locator('routed-queue summary', { hasText: 'Julie Example' })
        .click();
      await page.locator('routed-queue details[open] button').click();
      await until('Julie’s timeline opens', async () =>
        (await textOf(page, 'sms-timeline')).includes('Great! Tell me more.'),
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('lets two agents in two windows share one engine, live', async () => {
      const ben = await (await browser.newContext()).newPage();
      const amara = await (await browser.newContext()).newPage();
      await ben.goto(`${url}/examples/desk.html?agent=agt_3`);
      await amara.goto(`${url}/examples/desk.html?agent=agt_4`);
      for (const page of [ben, amara]) {
        await until('the queue shows', async () =>
          (await textOf(page, 'routed-queue')).includes('Gold Members'),
        );
      }
      // Marcus answers the campaign; Amara has the most room.
      await postSms(
        url,
        twilioInboundForm({
          from: '+14155550143',
          to: GOLD,
          body: 'Count me in!',
        }),
      );
      for (const page of [ben, amara]) {
        await until('both see Marcus go to Amara', async () =>
          /Amara Silva.*Marcus Reed/.test(await textOf(page, 'routed-queue')),
        );
      }
      // Amara opens him and replies.
      const open = async (page) => {
        const summary = page.locator('routed-queue summary', {
          hasText: 'Marcus Reed',
        });
        await summary.click();
        await page.locator('routed-queue details[open] button').click();
        await until('his timeline opens', async () =>
          (await textOf(page, 'sms-timeline')).includes('Count me in!'),
        );
      };
      await open(amara);
      await open(ben);
      const box = amara.locator('sms-timeline sms-composer textarea');
      await box.fill('Glad to hear it, Marcus!');
      await box.press('Enter');
      // Ben, in his own window, sees her reply arrive.
      await until('Ben sees Amara’s reply', async () =>
        (await textOf(ben, 'sms-timeline')).includes(
          'Glad to hear it, Marcus!',
        ),
      );

      // The story starts again elsewhere: her desk signs her in again,
      // by name, and an old id says it names nobody.
      const story = await fetch(`${url}/api/v1/story`, {
        method: 'POST',
      }).then((r) => r.json());
      await until(
        'Amara is signed in again',
        async () =>
          (await amara.locator('#agent').inputValue()) === story.agents.amara,
      );
      await until('her queue shows again', async () =>
        (await textOf(amara, 'routed-queue')).includes('Gold Members'),
      );
      await amara.goto(`${url}/examples/desk.html?agent=agt_4`);
      await until('the old id is named', async () =>
        (await textOf(amara, '#unknown')).includes(
          'No agent has the id "agt_4" now',
        ),
      );
    });
  });
});
