import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/shared/define.js';
import { VERSION } from '../../src/shared/version.js';
import '../../src/index.js';
import { warnings } from '../helpers/warnings.js';

/** A tag as another copy of the kit, of `version`, registered it. */
function takenBy(tag: string, version: string) {
  const Other = class extends HTMLElement {
    static kitVersion = version;
  };
  customElements.define(tag, Other);
  return Other;
}

describe('registering the tags', () => {
  it('carries the version package.json gives', async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(VERSION).to.equal(pkg.version);
    expect(
      (customElements.get('sms-timeline') as { kitVersion?: string })
        .kitVersion,
    ).to.equal(VERSION);
  });

  it('leaves a second copy’s registration alone, without throwing', async () => {
    const first = customElements.get('sms-timeline');
    const said = await warnings(() =>
      defineElement('sms-timeline', class extends HTMLElement {}),
    );
    expect(customElements.get('sms-timeline')).to.equal(first);
    // The same version: nothing to say.
    expect(said).to.deep.equal([]);
  });

  it('warns once a page, in development, when another version took a tag', async () => {
    const older = takenBy('kit-test-older', '0.0.9');
    takenBy('kit-test-older-too', '0.0.9');
    const said = await warnings(() => {
      defineElement('kit-test-older', class extends HTMLElement {});
      defineElement('kit-test-older-too', class extends HTMLElement {});
    });
    expect(customElements.get('kit-test-older')).to.equal(older);
    expect(said).to.have.length(1);
    expect(String(said[0]![0])).to.contain(
      `sms-campaign-kit ${VERSION} found <kit-test-older> already registered by sms-campaign-kit 0.0.9`,
    );
  });
});
