/** Exit codes (DESIGN §5): done, an input failed or --check found work, usage or config error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
