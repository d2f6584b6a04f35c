/**
 * Going back the way the user came (so the list keeps its filters and page), or to a fallback page
 * when this page was opened directly and there is nothing in the app to go back to.
 */
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';

export function useGoBack(fallback: string): () => void {
  const navigate = useNavigate();
  const { key } = useLocation();
  return useCallback(() => {
    if (key !== 'default') void navigate(-1);
    else void navigate(fallback, { replace: true });
  }, [key, navigate, fallback]);
}
