/**
 * The page styles a story is shown on in each theme, for Storybook's theme
 * toolbar and the stories test alike. Dark is as a dark host page has it:
 * its own background, and the kit told its scheme once, at the top.
 */
export const THEMES = {
  light: '',
  dark: 'color-scheme: dark; --sms-kit-color-scheme: dark; background: #010409; color: #e6edf3;',
} as const;
