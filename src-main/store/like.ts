/**
 * LIKE patterns built from what a user typed: `%` and `_` in the text match themselves, not any
 * characters. Every LIKE on user text goes through here, with the ESCAPE clause that goes with it.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** The escape character; raw SQL that uses escapeLike must say `ESCAPE '\'`. */
export const LIKE_ESCAPE = '\\';

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `${LIKE_ESCAPE}${c}`);
}

/** `column LIKE pattern ESCAPE '\'`, for a pattern whose user parts went through escapeLike. */
export function likePattern(column: SQLWrapper, pattern: string): SQL {
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** The column begins with the text. */
export function likePrefix(column: SQLWrapper, text: string): SQL {
  return likePattern(column, `${escapeLike(text)}%`);
}

/** The column contains the text. */
export function likeContains(column: SQLWrapper, text: string): SQL {
  return likePattern(column, `%${escapeLike(text)}%`);
}
