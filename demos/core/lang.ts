/** The two languages every line of the tool exists in. */
export const languages = ['en', 'de'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: string): value is Lang {
  return (languages as readonly string[]).includes(value);
}

/**
 * The POSIX order of precedence: LC_ALL, then LC_MESSAGES, then LANG
 * ("de_DE.UTF-8" → de). Anything else, or nothing, is English.
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}
