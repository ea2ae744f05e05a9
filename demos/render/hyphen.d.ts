/**
 * The part of hyphen's API (https://github.com/ytiurin/hyphen) that hyphenation.ts uses.
 * hyphen ships no types of its own; each language is a CommonJS module of its own.
 */
interface HyphenLanguage {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
declare module 'hyphen/de/index.js' {
  const language: HyphenLanguage;
  export default language;
}
declare module 'hyphen/en/index.js' {
  const language: HyphenLanguage;
  export default language;
}
