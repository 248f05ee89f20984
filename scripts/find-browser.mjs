// Finds the Chrome or Chromium the tests and scripts drive. CHROME_PATH wins;
// otherwise the usual install places are tried in order.
import { accessSync, constants } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const runnable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The browser's path, or undefined when none is installed. */
export function findBrowser() {
  const chosen = process.env.CHROME_PATH;
  if (chosen) return runnable(chosen) ? chosen : undefined;
  return CANDIDATES.find(runnable);
}

/** One line on how to get a browser, for when findBrowser finds none. */
export function noBrowserMessage() {
  const chosen = process.env.CHROME_PATH;
  return chosen
    ? `CHROME_PATH is set to ${chosen}, which is not an executable browser: fix it or unset it.`
    : 'No Chrome or Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH to its executable.';
}

/** Flags for headless runs; --no-sandbox only when running as root. */
export function browserArgs() {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // A page that is not in front (a server-mode test opens two) keeps
    // its timers and frames at full speed.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

// Run directly, it prints the browser's path, or fails with how to get one.
if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findBrowser();
  if (!found) {
    console.error(noBrowserMessage());
    process.exit(1);
  }
  console.log(found);
}
