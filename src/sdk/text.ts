/** What the API counts as text a person can read. */

/**
 * A character a person can see: not white space, not a control or format
 * character (zero widths, direction marks, the soft hyphen), not one a
 * font draws as nothing (Unicode's default-ignorables: the Hangul fillers,
 * variation selectors, the grapheme joiner), not the blank Braille cell,
 * not a combining mark, which shows only on a letter, and not one no font
 * has: unassigned code points, noncharacters, private use.
 */
export const VISIBLE =
  /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/**
 * Half of a UTF-16 pair without the other: not text, and shown as "�".
 * (In this mode a whole pair reads as one character, never as these.)
 */
export const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `text` has anything a person can see, as the API requires. */
export const hasVisibleText = (text: string): boolean => VISIBLE.test(text);
