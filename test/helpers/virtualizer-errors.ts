import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

// The timeline's virtualizer resizes rows as they draw, and Chromium then
// reports "ResizeObserver loop completed with undelivered notifications".
// It is benign (the virtualizer's README says so), but mocha would fail
// whichever test was running. Every other error still fails. Mocha sets
// its handler as the run starts, so this wraps it in a root hook.
let stopIgnoring: (() => void) | undefined;
before(() => {
  stopIgnoring = ignoreWindowResizeObserverLoopErrors();
});
after(() => stopIgnoring?.());
