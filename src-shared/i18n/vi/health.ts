/** Texts of the health part of the suite: server messages and screens. */
export const health = {} as const;
