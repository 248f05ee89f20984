import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MarkerSweeper } from '../../src/sms-timeline/marker-sweeper.js';

/**
 * A list drawn as lit draws `repeat`: a marker before and after each row,
 * and the list's own pair around them.
 */
function list(...rows: string[]) {
  const container = document.createElement('div');
  const marker = () => document.createComment('');
  container.append(marker());
  const parts = rows.map((name) => {
    const start = marker();
    const row = document.createElement('p');
    row.textContent = name;
    const end = marker();
    container.append(start, row, end);
    return { start, row, end };
  });
  container.append(marker());
  let controller: ReactiveController | undefined;
  const host = {
    addController: (c: ReactiveController) => (controller = c),
  } as unknown as ReactiveControllerHost;
  new MarkerSweeper(host, () => container);
  controller!.hostUpdated!();
  return { container, parts };
}

/** The container as text: `.` for a marker, a row by its name. */
const shape = (container: Element) =>
  [...container.childNodes]
    .map((n) => (n.nodeType === Node.COMMENT_NODE ? '.' : n.textContent))
    .join('');

const observed = () => new Promise((resolve) => setTimeout(resolve));

describe('MarkerSweeper (lit/lit#5298)', () => {
  it('takes away the end marker lit leaves of a removed row', async () => {
    const { container, parts } = list('a', 'b', 'c');
    // As lit 3.3.1 to 3.3.3 remove a part: its rows, then its start only.
    parts[1]!.row.remove();
    parts[1]!.start.remove();
    await observed();
    expect(shape(container)).to.equal('..a..c..');
  });

  it('leaves the next row alone once lit removes both markers itself', async () => {
    const { container, parts } = list('a', 'b', 'c');
    parts[1]!.row.remove();
    parts[1]!.start.remove();
    parts[1]!.end.remove();
    await observed();
    expect(shape(container)).to.equal('..a..c..');
  });

  it('leaves a moved row’s markers alone', async () => {
    const { container, parts } = list('a', 'b', 'c');
    // As lit moves a part: node by node, before another part.
    const { start, row, end } = parts[2]!;
    for (const node of [start, row, end]) {
      container.insertBefore(node, parts[0]!.start);
    }
    await observed();
    expect(shape(container)).to.equal('..c..a..b..');
  });

  it('leaves the next row alone after sweeping one (its own removal is no cue)', async () => {
    const { container, parts } = list('a', 'b', 'c', 'd');
    parts[1]!.row.remove();
    parts[1]!.start.remove();
    await observed();
    await observed();
    parts[2]!.row.remove();
    parts[2]!.start.remove();
    await observed();
    await observed();
    expect(shape(container)).to.equal('..a..d..');
  });
});
