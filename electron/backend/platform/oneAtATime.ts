/**
 * Runs the work handed to it one piece at a time, in the order handed, whether each piece
 * succeeds or fails. The dispatcher's call queue is one; the back-off's tries of a secret are
 * another (session/backOff.ts), because some tries run beside that queue.
 */
export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
