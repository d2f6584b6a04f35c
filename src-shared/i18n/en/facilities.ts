import type { facilities as viFacilities } from '../vi/facilities';

export const facilities: Record<keyof typeof viFacilities, string> = {};
