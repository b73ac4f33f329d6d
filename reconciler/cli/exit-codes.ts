export const EXIT = {
  ok: 0,
  error: 1,
  changes: 2,
  blocked: 3,
  partial: 4,
  /** SIGINT/SIGTERM during apply: stopped after the change in flight, audit and journal complete. */
  interrupted: 130,
} as const;
