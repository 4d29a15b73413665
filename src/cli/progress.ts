import type { Writable } from 'node:stream';

/**
 * A progress display for long commands (ingest, feed poll, export, reanalyze): on a terminal a one-line bar
 * redrawn in place with count, rate and ETA; elsewhere (a log file, CI) a plain line every few seconds, so
 * logs show progress without carriage-return noise. Writes only to the stream it is given (stderr by
 * convention), never to stdout, so piped output stays clean.
 */
export interface ProgressOptions {
  stream: Writable & { isTTY?: boolean; columns?: number };
  /** What is counted, e.g. `ingest` or `feed poll`. */
  label: string;
  /** Known total, or undefined (then no bar and no ETA). */
  total?: number;
  /** Units shown after the count (`stories`, `items`). Default `items`. */
  unit?: string;
  /** Plain-line mode: a line at most this often (default 5000 ms). */
  intervalMs?: number;
  /** Terminal mode: redraw at most this often (default 100 ms). */
  redrawMs?: number;
  /** Force the mode (default: the stream's `isTTY`). */
  tty?: boolean;
  /** The clock in ms (injectable for tests). */
  now?: () => number;
  /** False turns the display off (e.g. with `--json`, whose readers want no chatter). Default true. */
  enabled?: boolean;
}

/** Formats seconds as `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function rateText(rate: number): string {
  return rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
}

export class Progress {
  private done = 0;
  private total: number | undefined;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastLine: number;
  private lastLineDone = -1;
  private detail = '';
  private readonly tty: boolean;
  private readonly now: () => number;
  private finished = false;

  constructor(private readonly o: ProgressOptions) {
    this.now = o.now ?? (() => performance.now());
    this.started = this.now();
    this.lastLine = this.started;
    this.total = o.total;
    this.tty = o.tty ?? o.stream.isTTY === true;
  }

  /** Sets or corrects the total (a feed's item count becomes known after it is fetched). */
  setTotal(total: number): void {
    this.total = total;
  }

  /** Counts `n` more done; `detail` (a file name, a URL) is shown on the terminal line. */
  tick(n = 1, detail?: string): void {
    this.done += n;
    if (detail !== undefined) this.detail = detail;
    this.maybeDraw();
  }

  /** Sets the count (for callers that report absolute progress). */
  update(done: number, detail?: string): void {
    this.done = done;
    if (detail !== undefined) this.detail = detail;
    this.maybeDraw();
  }

  /** The status text: count, rate and ETA. */
  status(): string {
    const elapsed = Math.max(1e-3, (this.now() - this.started) / 1000);
    const rate = this.done / elapsed;
    const unit = this.o.unit ?? 'items';
    const count = this.total !== undefined ? `${this.done}/${this.total} ${unit}` : `${this.done} ${unit}`;
    let s = `${count}, ${rateText(rate)}/s`;
    if (this.total !== undefined && this.done < this.total && rate > 0) {
      s += `, ETA ${formatDuration((this.total - this.done) / rate)}`;
    } else if (this.total !== undefined && this.done >= this.total) {
      s += `, ${formatDuration(elapsed)}`;
    }
    return s;
  }

  private bar(width: number): string {
    if (this.total === undefined || this.total <= 0) return '';
    const filled = Math.min(width, Math.round((this.done / this.total) * width));
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] `;
  }

  private maybeDraw(): void {
    if (this.o.enabled === false) return;
    const t = this.now();
    if (this.tty) {
      if (t - this.lastDraw < (this.o.redrawMs ?? 100) && this.done !== this.total) return;
      this.lastDraw = t;
      const cols = this.o.stream.columns ?? 100;
      let line = `${this.o.label} ${this.bar(24)}${this.status()}`;
      const room = cols - line.length - 2;
      if (this.detail && room > 8) {
        line += ` ${this.detail.length > room ? `…${this.detail.slice(-(room - 1))}` : this.detail}`;
      }
      this.o.stream.write(`\r\x1b[K${line.slice(0, cols - 1)}`);
    } else if (t - this.lastLine >= (this.o.intervalMs ?? 5000)) {
      this.lastLine = t;
      this.lastLineDone = this.done;
      this.o.stream.write(`${this.o.label}: ${this.status()}\n`);
    }
  }

  /** Ends the display: clears the terminal line, or writes a last plain line when any was written. */
  finish(): void {
    if (this.finished || this.o.enabled === false) return;
    this.finished = true;
    if (this.tty) this.o.stream.write('\r\x1b[K');
    else if (this.lastLine !== this.started && this.lastLineDone !== this.done)
      this.o.stream.write(`${this.o.label}: ${this.status()}\n`);
  }
}

/** A progress display on `stream` (see `Progress`). */
export function createProgress(options: ProgressOptions): Progress {
  return new Progress(options);
}
