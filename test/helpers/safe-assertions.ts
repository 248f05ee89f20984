import { chai } from '@open-wc/testing';

/**
 * The test runner cannot report a failed assertion whose actual or
 * expected value is a DOM node (it hangs serializing it), so such values
 * are reported as their tag names instead.
 */
chai.use((_chai, utils) => {
  const original = _chai.Assertion.prototype.assert;
  const describe = (value: unknown) =>
    value instanceof Node
      ? `<${(value as Element).localName ?? value.nodeName}>`
      : value;
  _chai.Assertion.prototype.assert = function (
    this: Chai.AssertionStatic,
    ...args: Parameters<typeof original>
  ) {
    const [expression, message, negated, expected, actual, showDiff] = args;
    return original.call(
      this,
      expression,
      message,
      negated,
      describe(expected),
      describe(actual ?? utils.flag(this, 'object')),
      showDiff,
    );
  } as typeof original;
});
