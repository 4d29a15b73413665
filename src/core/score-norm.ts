/**
 * Text normalisation of `../shared/eval/score.py` (NFKC, straight quotes, collapsed white space, lower case).
 * Every scorer that compares our output with gold facts the way score.py does must normalise exactly like it,
 * so the figures stay comparable; one implementation keeps the event, claim and time scorers from drifting.
 */
export function scoreNorm(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
