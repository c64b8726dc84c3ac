// Characters that change how text shows without showing themselves: bidi embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069), zero-width spaces and joiners (U+200B–U+200D), marks
// (U+200E/F, U+061C), the BOM, soft hyphen, tag characters: Unicode's "format" category (Cf).
// A title or name holding them can reorder or hide text on screen, the trick used to disguise
// names and links.
const INVISIBLE = /\p{Cf}/gu;
const HAS_INVISIBLE = /\p{Cf}/u;

/** The text without format characters (titles, names, links, list fields: what is shown as a label). */
export function stripInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, "") : text;
}

/** A visible stand-in for each format character, for text whose offsets must not move (the body). */
const INVISIBLE_MARK = "\u2423"; // ␣ OPEN BOX

/** The text with each format character replaced by a visible mark (display only). */
export function markInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, INVISIBLE_MARK) : text;
}

export function hasInvisible(text: string): boolean {
  return HAS_INVISIBLE.test(text);
}
