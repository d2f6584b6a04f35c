/** Texts of the facilities part of the suite: server messages and screens. */
export const facilities = {} as const;
