import type { healthApi } from '../../../src-shared/api/health';
import type { HandlersFor } from '../handlers';

export const healthHandlers: HandlersFor<typeof healthApi> = {};
