/**
 * Server mode: the same MSW handlers as the in-page mock, as a real HTTP
 * server (through @mswjs/http-middleware), so several browser windows
 * share one engine and a real Twilio number can post to it.
 *
 * - The engine's state is written to `stateFile` after every change,
 *   before the change is answered: to a temporary file, flushed, then
 *   renamed over the old one, so a kill at any moment leaves either the
 *   state before the change or after it, and nothing acknowledged is lost.
 *   At start it is read back.
 * - With `twilioAuthToken`, each `/webhooks/twilio/*` request must carry a
 *   valid `X-Twilio-Signature` (the official `twilio` package checks it);
 *   without one it is 403 and nothing is stored.
 * - `staticDirs` are served beside the API (the built demo, examples).
 * - `POST /api/v1/story` starts the July Sale story again, for the demo.
 */
import { createMiddleware } from '@mswjs/http-middleware';
import express, { type Express, type RequestHandler } from 'express';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import twilio from 'twilio';
import { OffsetClock } from './clock.js';
import { Engine } from './engine/engine.js';
import { EngineError } from './engine/errors.js';
import { createHandlers, DEFAULT_BASE } from './handlers.js';
import { MAX_BODY_BYTES, tooLarge } from './http.js';
import type { Problem } from '../src/sdk/validation.js';
import { seedJulySale } from './scenario.js';
import { simulateDelivery } from './simulator.js';

export interface KitServerOptions {
  /** Where the state is kept; none keeps it in memory only. */
  stateFile?: string;
  /** Checks Twilio's signature on the webhooks when set. */
  twilioAuthToken?: string;
  /**
   * The address Twilio posts to (a tunnel's, say), as Twilio signs it;
   * by default the address the request came in on.
   */
  publicUrl?: string;
  /** URL path → folder, served as files beside the API. */
  staticDirs?: Record<string, string>;
  /** Plays Twilio's delivery callbacks for what the business sends. */
  simulateDelivery?: boolean;
  /** A fresh engine (no state file yet) starts with the July Sale story. */
  seed?: boolean;
}

export interface KitServer {
  engine: Engine;
  app: Express;
  /** Starts listening; resolves with the port. */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const TICK_MS = 250;

/** An error in the API's own shape. */
function refuse(
  res: express.Response,
  status: number,
  message: string,
  problems: Problem[] = [],
) {
  if (res.headersSent) return res.destroy();
  res.status(status).json({ message, problems });
}

export function createKitServer(options: KitServerOptions = {}): KitServer {
  const clock = new OffsetClock();
  const engine = new Engine(clock);
  const { stateFile } = options;
  const restored = Boolean(stateFile && existsSync(stateFile));
  if (restored) {
    let savedAt: string;
    try {
      savedAt = engine.restore(readFileSync(stateFile!, 'utf8'));
    } catch (error) {
      throw new Error(
        `Cannot take up the state in ${stateFile}: ${(error as Error).message} Move the file aside (or delete it) to start again from the July Sale story.`,
        { cause: error },
      );
    }
    // Time does not run back past what the engine already stamped.
    clock.offsetMs = Math.max(0, Date.parse(savedAt) - Date.now());
  }

  /** What is on disk: the last snapshot written, and where it stood. */
  let written = { text: '', events: -1, offsetMs: Number.NaN };
  /**
   * Writes the state if it changed since last written (an event, or the
   * clock moved by POST /clock). When it cannot be written, the engine
   * goes back to what is on disk and the error is thrown: the change it
   * made is neither kept nor acknowledged.
   */
  const persist = () => {
    if (!stateFile) return;
    const events = engine.events.latestId;
    if (events === written.events && clock.offsetMs === written.offsetMs) {
      return;
    }
    const text = engine.snapshot();
    try {
      writeAtomically(stateFile, text);
    } catch (error) {
      if (written.text) {
        engine.restore(written.text);
        // As on disk again (the restore's own notice aside).
        written.events = engine.events.latestId;
      }
      throw error;
    }
    written = { text, events, offsetMs: clock.offsetMs };
  };
  try {
    persist();
  } catch (error) {
    throw new Error(
      `Cannot write the state file ${stateFile}: ${(error as Error).message}`,
      { cause: error },
    );
  }

  const app = express();
  app.disable('x-powered-by');
  /** Writes what no request waits on (the timer's moves); says so when it cannot. */
  const save = () => {
    try {
      persist();
    } catch (error) {
      console.error(
        `sms-campaign-kit: the state could not be saved, so the change was undone: ${(error as Error).message}`,
      );
    }
  };

  // Nothing is answered before the change it made is on disk. A change
  // that cannot be written is undone and the request is cut off, not
  // answered: the sender sees a failure, as Twilio would, and sends again.
  app.use((_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      try {
        persist();
      } catch {
        save(); // tries once more, and says why it cannot
        res.destroy();
        return res;
      }
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    // A stream the client left is cancelled, which ends its subscription.
    res.on('pipe', (source: Readable) => {
      res.on('close', () => source.destroy());
    });
    next();
  });
  // The webhooks' body is read raw, for the signature and then the handlers.
  const readRaw = express.raw({ type: () => true, limit: MAX_BODY_BYTES });
  const signed =
    options.twilioAuthToken &&
    signedByTwilio(options.twilioAuthToken, options.publicUrl);

  // The path as the handlers will read it (dot segments resolved, escapes
  // checked), so what the signature check guards is what they serve.
  app.use((req, res, next) => {
    let path: string;
    try {
      path = decodeURI(new URL(req.url, 'http://server').pathname);
    } catch {
      return refuse(res, 400, `The path ${req.url} is not a valid URL path.`);
    }
    // Refused before it is read when its length says so; the handlers
    // count what they read of the others.
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) {
      const { message, problems } = tooLarge(length);
      return refuse(res, 413, message, problems);
    }
    // The handlers' routes ignore case, so the guard does too.
    const webhook = path
      .toLowerCase()
      .startsWith(`${DEFAULT_BASE}/webhooks/twilio`);
    if (signed && webhook) {
      // A body too large (or cut off) is refused as such, not as unsigned.
      return readRaw(req, res, (error?: unknown) =>
        error ? next(error) : signed(req, res, next),
      );
    }
    next();
  });
  // Server mode's own route, beside the API: the demo's "Start the story
  // again". It empties the engine (as POST /reset does, so every client
  // hears engine.reset) and lays the July Sale story down again, its
  // history set back in time as at first start; it answers the story's
  // ids. In the page the demo seeds its own engine instead.
  app.post(`${DEFAULT_BASE}/story`, (_req, res) => {
    engine.reset();
    res.json(seedJulySale(engine, clock));
  });
  app.use(createMiddleware(...createHandlers(engine)));
  for (const [path, dir] of Object.entries(options.staticDirs ?? {})) {
    app.use(path, express.static(dir));
  }
  app.use((req, res) => {
    refuse(res, 404, `There is no ${req.method} ${req.path} here.`);
  });
  // What express itself refuses (a body too large to read) is said in the
  // API's JSON, not as a page with a stack.
  app.use(
    (
      error: Error & { status?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status ?? 500;
      if (status === 413) {
        const { message, problems } = tooLarge();
        return refuse(res, status, message, problems);
      }
      refuse(res, status, error.message);
    },
  );

  const unsubscribe = options.simulateDelivery
    ? simulateDelivery(engine.events, (messageSid, status) => {
        try {
          engine.updateDelivery({ messageSid, status });
        } catch (error) {
          // The engine was emptied (POST /reset, /story) between the send
          // and its callback: there is no message left to report on. As
          // the in-page mock's 404 would be, it is dropped, not thrown
          // from a timer, which stopped the whole server.
          if (error instanceof EngineError && error.kind === 'not_found') {
            return;
          }
          throw error;
        }
        save();
      })
    : () => {};
  // Laid down once the delivery callbacks listen, so the story's texts
  // are delivered too; its history is set back in time as in the demo.
  if (!restored && options.seed) {
    seedJulySale(engine, clock);
    persist();
  }

  // Offers run out and campaigns send on this timer.
  const timer = setInterval(() => {
    engine.tick();
    save();
  }, TICK_MS);
  timer.unref();

  let server: Server | undefined;
  return {
    engine,
    app,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server = app.listen(port, host, () => {
          const address = server!.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
        server.on('error', reject);
      });
    },
    close() {
      clearInterval(timer);
      unsubscribe();
      save();
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** Temp file, flushed to disk, renamed over the old one. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const bytes = Buffer.from(text, 'utf8');
  const fd = openSync(temp, 'w');
  try {
    // A full disk can take part of it without an error: write until all
    // of it is down, or fail.
    for (let at = 0; at < bytes.length;) {
      const wrote = writeSync(fd, bytes, at, bytes.length - at);
      if (wrote <= 0) throw new Error(`could not write ${temp}`);
      at += wrote;
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}

/**
 * Lets through only what Twilio signed with the account's auth token; the
 * body is left raw for the handlers to read.
 */
function signedByTwilio(authToken: string, publicUrl?: string): RequestHandler {
  return (req, res, next) => {
    const signature = req.header('x-twilio-signature');
    const origin =
      publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
    const url = `${origin}${req.originalUrl}`;
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const params = Object.fromEntries(new URLSearchParams(body));
    if (
      signature &&
      twilio.validateRequest(authToken, signature, url, params)
    ) {
      return next();
    }
    res.status(403).json({
      message: signature
        ? `X-Twilio-Signature does not match this request to ${url}; it was not signed with this server's TWILIO_AUTH_TOKEN.`
        : 'X-Twilio-Signature is missing; with TWILIO_AUTH_TOKEN set, only requests Twilio signed are taken.',
      problems: [
        {
          path: 'X-Twilio-Signature',
          message: signature ? 'does not match' : 'missing',
        },
      ],
    });
  };
}
