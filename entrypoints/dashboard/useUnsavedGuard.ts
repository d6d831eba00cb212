import { useEffect, useRef } from 'react';
import { guardLeaving } from './route';

export const LEAVE_QUESTION = 'This entry has unsaved changes. Leave without saving them?';

/**
 * While `dirty`, leaving asks first: another section or entry (the hash changes) asks with
 * confirm(), closing or reloading the tab with the browser's own question (beforeunload).
 * Returns a ref: set `.current = false` right before leaving on purpose (after a save).
 */
export function useUnsavedGuard(dirty: boolean) {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    guardLeaving(() => !dirtyRef.current || confirm(LEAVE_QUESTION));
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      // Older browsers ask only when returnValue holds a text.
      e.returnValue = LEAVE_QUESTION;
    };
    addEventListener('beforeunload', onBeforeUnload);
    return () => {
      guardLeaving(undefined);
      removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
  return dirtyRef;
}
