import type { health as viHealth } from '../vi/health';

export const health: Record<keyof typeof viHealth, string> = {};
