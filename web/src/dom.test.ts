import { describe, expect, it } from 'vitest';
import { safeHref } from './dom.js';

describe('safeHref', () => {
  it('keeps app routes, relative paths and http(s) links', () => {
    expect(safeHref('#/read/x')).toBe('#/read/x');
    expect(safeHref('/api/articles')).toBe('/api/articles');
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
  });

  it('drops script and data schemes, however they are spelt, and protocol-relative links', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:x',
      '//evil.example/x',
      'java\tscript:x',
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
    expect(safeHref(null)).toBeNull();
  });
});
