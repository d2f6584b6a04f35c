/** Small network checks made before a role change, so a wrong choice is refused instead of saved. */
import net from 'node:net';

/** True when `origin` answers like a Trường Số server (GET /healthz → {"ok":true}). */
export async function isSchoolServer(origin: string, timeoutMs = 4000): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (!response.ok) return false;
    const body = (await response.json()) as { ok?: unknown };
    return body.ok === true;
  } catch {
    return false;
  }
}

/** Whether the LAN port can be taken, checked before the running server is stopped to move there. */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
