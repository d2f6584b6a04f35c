/**
 * /events: the server pushes job progress over a WebSocket. Browsers cannot put the token in a
 * WebSocket header, so it goes in the first message; the server answers 'hello' once it accepted it.
 */
import type { ServerEvent } from '../../src-shared/api/jobs';

export interface ServerEventHandlers {
  onEvent(event: ServerEvent): void;
  /** The server accepted the token: events flow from now on. */
  onReady?(): void;
  /** The socket closed or could not open; callers fall back to asking. */
  onClosed?(): void;
}

/** Opens the socket; returns a function that closes it. */
export function connectServerEvents(url: string, token: string, handlers: ServerEventHandlers): () => void {
  if (typeof WebSocket === 'undefined') {
    handlers.onClosed?.();
    return () => {};
  }
  let closedByUs = false;
  let socket: WebSocket;
  try {
    socket = new WebSocket(url);
  } catch {
    handlers.onClosed?.();
    return () => {};
  }
  socket.addEventListener('open', () => socket.send(JSON.stringify({ token })));
  socket.addEventListener('message', (message: MessageEvent) => {
    let event: ServerEvent;
    try {
      event = JSON.parse(String(message.data)) as ServerEvent;
    } catch {
      return;
    }
    if (event.type === 'hello') handlers.onReady?.();
    handlers.onEvent(event);
  });
  socket.addEventListener('close', () => {
    if (!closedByUs) handlers.onClosed?.();
  });
  return () => {
    closedByUs = true;
    if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close();
  };
}
