/**
 * Server-side events pushed to clients over /events. Each event names its audience so the socket
 * layer sends a job's progress only to its owner (and admins).
 */
import { EventEmitter } from 'node:events';
import type { ServerEvent } from '../../src-shared/api/jobs';

export interface Audience {
  /** Users who may see it; null means every signed-in user. */
  userIds: number[] | null;
  /** Roles that see it regardless of userIds. */
  roles?: string[];
}

export interface PublishedEvent {
  event: ServerEvent;
  audience: Audience;
}

export class EventBus {
  #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  publish(event: ServerEvent, audience: Audience): void {
    this.#emitter.emit('event', { event, audience } satisfies PublishedEvent);
  }

  subscribe(listener: (published: PublishedEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}

export function inAudience(audience: Audience, userId: number, role: string): boolean {
  if (audience.userIds === null) return true;
  return audience.userIds.includes(userId) || (audience.roles?.includes(role) ?? false);
}
