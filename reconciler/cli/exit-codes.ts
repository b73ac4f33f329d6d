export const EXIT = {
  ok: 0,
  error: 1,
  changes: 2,
  blocked: 3,
  partial: 4,
} as const;
