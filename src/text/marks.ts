/**
 * Marks versus puts into text it lays out, until an output draws them: Unicode's noncharacters for
 * a program's internal use (U+FDD0–U+FDEF), which no outline text holds (the schema refuses them).
 * A private-use character would not do: icon fonts (Nerd Fonts, Powerline) draw outline text with them.
 */

/** Where a long word may break after a slash or before a dot (text/address.ts); the slides make it a `<wbr>`. */
export const SLASH_BREAK = '\ufdd0';
/** What stands for a joining space while the planner splits a text into pieces (plan/fit/text.ts). */
export const HIDDEN_GLUE = '\ufdd1';
/** What stands for a hyphen inside an address meanwhile (plan/fit/text.ts). */
export const ADDRESS_HYPHEN = '\ufdd2';
/** What stands for markup put into a label's words while they are escaped (a file name in code, a speaker's name in bold). */
export const PLACEHOLDER = '\ufdd3';
