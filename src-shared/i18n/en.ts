import { core } from './en/core';
import { ui } from './en/ui';
import type { vi } from './vi';

export const en: Record<keyof typeof vi, string> = { ...core, ...ui };
