import cliProgress from 'cli-progress';

export interface Progress {
  tick(bytes: number): void;
  stop(): void;
}

const NONE: Progress = { tick: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr, only for a person watching: stderr a terminal, not CI, not --quiet.
 * (CI logs often claim to be terminals; a bar there is noise.)
 */
export function progress(label: string, total: number, stderr: NodeJS.WritableStream & { isTTY?: boolean }, env: NodeJS.ProcessEnv, quiet: boolean): Progress {
  if (quiet || !stderr.isTTY || env.CI || total < 2) return NONE;
  const started = Date.now();
  let bytes = 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr as NodeJS.WritableStream,
      format: `${label.padEnd(9)} {bar} {value}/{total} files | {mb} MB | {rate} MB/s | ETA {eta_formatted}`,
      // Outcomes arrive in bursts of a chunk; a long window keeps the ETA from reading the burst as the rate.
      etaBuffer: 2000,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { mb: '0.0', rate: '0.0' });
  return {
    tick(n) {
      bytes += n;
      const secs = Math.max((Date.now() - started) / 1000, 0.001);
      bar.increment(1, { mb: (bytes / 1e6).toFixed(1), rate: (bytes / 1e6 / secs).toFixed(1) });
    },
    stop: () => bar.stop(),
  };
}
