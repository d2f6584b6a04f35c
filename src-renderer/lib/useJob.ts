/**
 * Follows a server job to its end: progress is pushed on /events, and while that socket is not
 * (yet) accepted the hook asks jobs.get every 500 ms, so a job finishing before the socket opens, or a
 * proxy that drops WebSockets, still ends up shown.
 */
import { useEffect, useState } from 'react';
import { jobActive, type JobView } from '../../src-shared/api/jobs';
import type { ApiError } from '../../src-shared/api/envelope';
import { useClient } from './ClientContext';
import { connectServerEvents } from './serverEvents';

export const JOB_POLL_MS = 500;

export interface JobState {
  job: JobView | null;
  /** The job could not be followed (not found after a restart, session ended). */
  error: ApiError | null;
}

export function useJob(jobId: string | null): JobState {
  const client = useClient();
  const [state, setState] = useState<JobState>({ job: null, error: null });

  useEffect(() => {
    setState({ job: null, error: null });
    if (!jobId) return;
    let live = true;
    let finished = false;
    let socketReady = false;

    const stop = () => {
      finished = true;
      clearInterval(timer);
      closeSocket();
    };
    const accept = (job: JobView) => {
      if (!live || finished || job.id !== jobId) return;
      setState({ job, error: null });
      if (!jobActive(job.status)) stop();
    };
    const ask = async () => {
      const result = await client.call('jobs.get', { id: jobId });
      if (!live || finished) return;
      if (result.ok) accept(result.value);
      else {
        setState((s) => ({ job: s.job, error: result.error }));
        stop();
      }
    };

    const token = client.token;
    const closeSocket = token
      ? connectServerEvents(client.eventsUrl(), token, {
          onEvent: (event) => {
            if (event.type === 'job') accept(event.job);
          },
          onReady: () => {
            socketReady = true;
            // Catch up on whatever happened before the socket was accepted.
            void ask();
          },
          onClosed: () => {
            socketReady = false;
          },
        })
      : () => {};
    const timer = setInterval(() => {
      if (!socketReady && !finished) void ask();
    }, JOB_POLL_MS);
    void ask();

    return () => {
      live = false;
      stop();
    };
  }, [client, jobId]);

  return state;
}
