import { Notice, NotificationSender } from '../../src/clock/notification-sender';

/** A sender that keeps what it was given; it refuses notices of the concerns in `failing`, as a sender whose service is down. */
export function recordingSender() {
  const notices: Notice[] = [];
  const failing = new Set<string>();
  const sender: NotificationSender = {
    name: 'recording',
    send: async (notice) => {
      if (failing.has(notice.concernId)) throw new Error('the test sender is down for this concern');
      notices.push(notice);
    },
  };
  return { sender, notices, failing, of: (concernId: string) => notices.filter((notice) => notice.concernId === concernId) };
}
