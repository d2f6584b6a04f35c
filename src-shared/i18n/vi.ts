import { core } from './vi/core';
import { ui } from './vi/ui';
import { facilities } from './vi/facilities';
import { health } from './vi/health';

export const vi = { ...core, ...ui, ...facilities, ...health } as const;
