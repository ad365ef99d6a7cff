import cliProgress from 'cli-progress';

/** Reports how far a run has got: one unit is one repetition of one configuration. */
export interface Progress {
  start(units: number, estimatedSeconds: number): void;
  begin(label: string): void;
  /** Marks the current unit done; `estimatedSeconds` is what the plan expected it to take. */
  done(estimatedSeconds: number): void;
  stop(): void;
}

/**
 * Projects the time left from the plan's estimates, scaled by how far the finished units
 * overran or underran their estimates, and counts down between units.
 */
export class EtaClock {
  readonly #now: () => number;
  #startedAt = 0;
  #totalEstimate = 0;
  #doneEstimate = 0;
  #lastDoneAt = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  start(estimatedSeconds: number): void {
    this.#startedAt = this.#now();
    this.#lastDoneAt = this.#startedAt;
    this.#totalEstimate = estimatedSeconds;
    this.#doneEstimate = 0;
  }

  done(estimatedSeconds: number): void {
    this.#doneEstimate += estimatedSeconds;
    this.#lastDoneAt = this.#now();
  }

  remainingSeconds(): number {
    const remainingEstimate = this.#totalEstimate - this.#doneEstimate;
    const sinceLastDone = (this.#now() - this.#lastDoneAt) / 1000;
    if (this.#doneEstimate === 0) return Math.max(0, remainingEstimate - sinceLastDone);

    const pace = (this.#lastDoneAt - this.#startedAt) / 1000 / this.#doneEstimate;
    return Math.max(0, remainingEstimate * pace - sinceLastDone);
  }
}

/** Formats seconds as `45 s`, `3 min 05 s` or `1 h 02 min`. */
export function formatSeconds(seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Prints one line per unit, for logs and pipes where a redrawn bar would be noise. */
export function createLineProgress(stream: NodeJS.WritableStream, clock = new EtaClock()): Progress {
  let units = 0;
  let current = 0;
  return {
    start(total, estimatedSeconds) {
      units = total;
      clock.start(estimatedSeconds);
    },
    begin(label) {
      current += 1;
      stream.write(`[${current}/${units}] ${label}, about ${formatSeconds(clock.remainingSeconds())} left\n`);
    },
    done: (estimatedSeconds) => clock.done(estimatedSeconds),
    stop() {},
  };
}

/** Draws a bar with the projected time left, redrawn every second, for a terminal. */
export function createBarProgress(stream: NodeJS.WritableStream, clock = new EtaClock()): Progress {
  const bar = new cliProgress.SingleBar(
    { stream, format: '{bar} {value}/{total} repetitions | {left} left | {label}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let ticker: NodeJS.Timeout | undefined;
  const left = () => formatSeconds(clock.remainingSeconds());

  return {
    start(total, estimatedSeconds) {
      clock.start(estimatedSeconds);
      bar.start(total, 0, { left: left(), label: '' });
      ticker = setInterval(() => bar.update({ left: left() }), 1000);
      ticker.unref();
    },
    begin: (label) => bar.update({ label, left: left() }),
    done(estimatedSeconds) {
      clock.done(estimatedSeconds);
      bar.increment(1, { left: left() });
    },
    stop() {
      clearInterval(ticker);
      bar.stop();
    },
  };
}
