import { core } from './vi/core';
import { ui } from './vi/ui';

export const vi = { ...core, ...ui } as const;
