/**
 * One gold-standard benchmark. `newsintel evaluate <format> <path>` prints `table` and then, as its last
 * line, `<metric> <value>` so that scripts can read the headline figure with `tail -n 1`.
 */
export interface EvaluationResult {
  /** Human-readable table (per-type scores etc.), printed first. */
  table: string;
  /** Headline metric name, e.g. `overall F1`. */
  metric: string;
  /** Headline value (a percentage for F1/accuracy, 0–100, two decimals when printed). */
  value: number;
  /** Any further figures, for JSON output. */
  details?: Record<string, unknown>;
}

/** Options of one evaluation run. */
export interface EvaluateOptions {
  limit?: number;
  /** Further paths after the first (for formats that take several, like `corpus <gold> <folder>…`). */
  more?: string[];
}

export interface Evaluator {
  /** Format name used on the command line (`conll`, `timeml`, …). */
  name: string;
  /** One line shown by `newsintel evaluate --help`. */
  description: string;
  /** True when the format takes several paths (`entities <gold.json…>`); others refuse extra paths. */
  multiPath?: boolean;
  run(path: string, options?: EvaluateOptions): Promise<EvaluationResult>;
}
