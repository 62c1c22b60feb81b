import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';

const activityEvents = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'focus'] as const;
export const warningSeconds = 60;
const heartbeatEveryMs = 60_000;

/**
 * Locks after `minutes` without keyboard or mouse activity, with a warning
 * `warningSeconds` before. Activity is also reported to the backend (at most
 * once a minute) so its own idle lock, a safety net, does not fire while
 * someone is typing a long note without saving.
 */
export function useIdleLock(minutes: number, onLock: () => void) {
  const lastActivity = useRef(Date.now());
  const lastHeartbeat = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const locking = useRef(false);
  const secondsLeftRef = useRef<number | null>(null);
  secondsLeftRef.current = secondsLeft;

  const markActive = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
    if (Date.now() - lastHeartbeat.current > heartbeatEveryMs) {
      lastHeartbeat.current = Date.now();
      void call('session.heartbeat', {}).catch(() => undefined);
    }
  }, []);

  useEffect(() => {
    const onActivity = () => {
      // While the warning is up, only the explicit "keep working" button dismisses it.
      if (secondsLeftRef.current === null) markActive();
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      const idleSeconds = (Date.now() - lastActivity.current) / 1000;
      const remaining = Math.ceil(minutes * 60 - idleSeconds);
      if (remaining <= 0) {
        if (!locking.current) {
          locking.current = true;
          onLock();
        }
      } else if (remaining <= warningSeconds) {
        setSecondsLeft(remaining);
      }
    }, 1000);
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity);
      window.clearInterval(timer);
    };
  }, [minutes, onLock, markActive]);

  return { secondsLeft, stayActive: markActive };
}
