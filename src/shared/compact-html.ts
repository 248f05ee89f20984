/**
 * Lit's `html`, less the line breaks and indents of the source that touch
 * a block element's tag. The browser draws none of those (a block starts
 * and ends its own lines), but each is a text node: in a timeline row they
 * were a third of its DOM, and the timeline draws many rows.
 *
 * Only white space that holds a line break and touches a block-level tag
 * goes. A space between inline elements, or between text and a tag on the
 * same line, is kept as written.
 */
import { html as litHtml, type TemplateResult } from 'lit';

const BLOCK =
  '(?:address|article|aside|blockquote|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)';
/** A block tag, opening or closing (`[^>]` spans a binding's slot). */
const AFTER_BLOCK_TAG = new RegExp(`(</?${BLOCK}\\b[^>]*>)[ \\t]*\\n\\s*`, 'g');
const BEFORE_BLOCK_TAG = new RegExp(`[ \\t]*\\n\\s*(?=</?${BLOCK}\\b)`, 'g');
/** Stands for each binding while the strings are read as one. */
const SLOT = '\u0000';

const compacted = new WeakMap<TemplateStringsArray, TemplateStringsArray>();

function compact(strings: TemplateStringsArray): TemplateStringsArray {
  let done = compacted.get(strings);
  if (done) return done;
  const parts = strings
    .join(SLOT)
    .replace(AFTER_BLOCK_TAG, '$1')
    .replace(BEFORE_BLOCK_TAG, '')
    .split(SLOT);
  // Lit takes only a real template strings array: one with `raw`.
  done = Object.assign(parts, {
    raw: parts,
  }) as unknown as TemplateStringsArray;
  compacted.set(strings, done);
  return done;
}

export const html = (
  strings: TemplateStringsArray,
  ...values: unknown[]
): TemplateResult => litHtml(compact(strings), ...values);
