/**
 * Ingest page: paste a story, upload files (wire text, HTML, JSON, JSONL) or give a URL or feed. Files are
 * sent one record at a time, so a progress bar shows long batches moving and each file gets its own result
 * line: stored, already stored, or rejected with the API's reason. HTML is reduced to its text in the browser
 * with DOMParser (an inert document: nothing in it runs or loads).
 */
import { type Analysis, ApiError, postJson } from '../api.js';
import { h, mount } from '../dom.js';
import { readerHref } from '../router.js';
import { num } from '../ui.js';

interface Record_ {
  text: string;
  title?: string;
  source?: string;
  published?: string;
  url?: string;
}

interface Result {
  name: string;
  status: 'stored' | 'already stored' | 'rejected';
  reason: string;
  id: string | null;
  headline: string | null;
}

/** Paragraph text of an HTML document, without running or loading anything in it. */
export function htmlToRecord(html: string): Record_ {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.querySelectorAll('script, style, noscript, template, nav, footer, header, aside'))
    el.remove();
  const blocks = [...doc.body.querySelectorAll('p, h2, h3, h4, li, blockquote, pre')]
    .map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter(Boolean);
  const title = doc.querySelector('h1')?.textContent?.trim() || doc.title.trim() || undefined;
  const text = blocks.length ? blocks.join('\n\n') : (doc.body.textContent ?? '').trim();
  return { text, title };
}

function recordFrom(o: unknown, where: string): Record_ {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error(`${where}: not a JSON object`);
  const r = o as Record<string, unknown>;
  const text = r.text ?? r.body ?? r.content;
  if (typeof text !== 'string' || !text.trim()) throw new Error(`${where}: no "text" field`);
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    text,
    title: s(r.title) ?? s(r.headline),
    source: s(r.source),
    published: s(r.published) ?? s(r.date),
    url: s(r.url),
  };
}

/** The records of one uploaded file, or the reason it cannot be read. */
export async function recordsOf(file: File): Promise<{ name: string; record?: Record_; error?: string }[]> {
  const name = file.name;
  let text: string;
  try {
    const buf = new Uint8Array(await file.arrayBuffer());
    if (buf.subarray(0, 1024).includes(0))
      return [{ name, error: 'binary file (contains NUL bytes), not text' }];
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return [{ name, error: 'not valid UTF-8 text' }];
  }
  if (!text.trim()) return [{ name, error: 'empty file' }];
  const lower = name.toLowerCase();
  try {
    if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) {
      return text
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter((x) => x.line.trim())
        .map(({ line, i }) => {
          try {
            return { name: `${name}#${i + 1}`, record: recordFrom(JSON.parse(line), `line ${i + 1}`) };
          } catch (e) {
            return { name: `${name}#${i + 1}`, error: (e as Error).message };
          }
        });
    }
    if (lower.endsWith('.json')) {
      const parsed = JSON.parse(text) as unknown;
      const list = Array.isArray(parsed) ? parsed : [parsed];
      return list.map((o, i) => ({
        name: list.length > 1 ? `${name}#${i + 1}` : name,
        record: recordFrom(o, `record ${i + 1}`),
      }));
    }
    if (lower.endsWith('.html') || lower.endsWith('.htm') || /^\s*<(!doctype|html)/i.test(text)) {
      const record = htmlToRecord(text);
      return record.text ? [{ name, record }] : [{ name, error: 'no text found in the HTML' }];
    }
  } catch (e) {
    return [{ name, error: `cannot read: ${(e as Error).message}` }];
  }
  return [{ name, record: { text } }];
}

async function store(name: string, r: Record_): Promise<Result> {
  try {
    const res = await postJson<Analysis>('/api/analyze?store=1', r);
    const st = res.headers.get('X-Newsintel-Store') === 'already stored' ? 'already stored' : 'stored';
    return { name, status: st, reason: '', id: res.body.article.id, headline: res.body.article.headline };
  } catch (e) {
    return {
      name,
      status: 'rejected',
      reason: e instanceof Error ? e.message : String(e),
      id: null,
      headline: null,
    };
  }
}

export function renderIngest(main: HTMLElement): void {
  document.title = 'Ingest · newsintel';
  const progress = h('progress', {
    id: 'ingest-progress',
    max: 1,
    value: 0,
    'aria-label': 'Ingest progress',
  });
  const progressText = h('span', { id: 'ingest-progress-text', role: 'status' }, 'Idle.');
  const tbody = h('tbody', { id: 'ingest-results' });
  const results = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'results' },
      h('caption', null, 'Results'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Input', 'Result', 'Reason or article'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      tbody,
    ),
  );
  const addResult = (r: Result) =>
    tbody.append(
      h(
        'tr',
        { class: `res-${r.status.replace(' ', '-')}` },
        h('td', null, r.name),
        h('td', null, h('span', { class: `tag st-${r.status.replace(' ', '-')}` }, r.status)),
        h('td', null, r.id ? h('a', { href: readerHref(r.id) }, r.headline ?? r.id) : r.reason),
      ),
    );
  let busy = false;
  const run = async (jobs: { name: string; record?: Record_; error?: string }[]) => {
    if (busy) return;
    busy = true;
    progress.max = Math.max(1, jobs.length);
    progress.value = 0;
    let stored = 0;
    let rejected = 0;
    for (const [i, j] of jobs.entries()) {
      progressText.textContent = `Working: ${i + 1} of ${jobs.length} (${j.name})…`;
      const r = j.record
        ? await store(j.name, j.record)
        : {
            name: j.name,
            status: 'rejected' as const,
            reason: j.error ?? 'unreadable',
            id: null,
            headline: null,
          };
      if (r.status === 'rejected') rejected++;
      else stored++;
      addResult(r);
      progress.value = i + 1;
    }
    progressText.textContent = `Done: ${num(stored)} stored or already stored, ${num(rejected)} rejected, of ${num(jobs.length)}.`;
    busy = false;
  };

  const paste = h(
    'form',
    { id: 'paste-form', class: 'card', 'aria-labelledby': 'paste-title' },
    h('h2', { id: 'paste-title' }, 'Paste a story'),
    h(
      'label',
      { class: 'field' },
      h('span', null, 'Headline (optional)'),
      h('input', { name: 'title', type: 'text' }),
    ),
    h(
      'label',
      { class: 'field' },
      h('span', null, 'Source (optional)'),
      h('input', { name: 'source', type: 'text' }),
    ),
    h(
      'label',
      { class: 'field' },
      h('span', null, 'Published (optional)'),
      h('input', { name: 'published', type: 'date' }),
    ),
    h(
      'label',
      { class: 'field wide' },
      h('span', null, 'Text'),
      h('textarea', { name: 'text', rows: 8, required: true }),
    ),
    h('button', { type: 'submit' }, 'Analyse and store'),
  );
  paste.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(paste);
    const get = (k: string) => String(fd.get(k) ?? '').trim() || undefined;
    const text = String(fd.get('text') ?? '');
    void run([
      text.trim()
        ? {
            name: 'pasted text',
            record: { text, title: get('title'), source: get('source'), published: get('published') },
          }
        : { name: 'pasted text', error: 'the text is empty' },
    ]);
  });

  const fileInput = h('input', {
    type: 'file',
    name: 'files',
    multiple: true,
    id: 'ingest-files',
    accept: '.txt,.html,.htm,.json,.jsonl,.ndjson,text/*',
  });
  const upload = h(
    'form',
    { id: 'upload-form', class: 'card', 'aria-labelledby': 'upload-title' },
    h('h2', { id: 'upload-title' }, 'Upload files'),
    h('label', { class: 'field wide' }, h('span', null, 'Wire text, HTML, JSON or JSONL files'), fileInput),
    h('button', { type: 'submit' }, 'Upload and store'),
  );
  upload.addEventListener('submit', async (e) => {
    e.preventDefault();
    const files = [...(fileInput.files ?? [])];
    if (!files.length) {
      progressText.textContent = 'Choose one or more files first.';
      return;
    }
    progressText.textContent = `Reading ${files.length} files…`;
    const jobs = (await Promise.all(files.map(recordsOf))).flat();
    await run(jobs);
  });

  const urlForm = h(
    'form',
    { id: 'url-form', class: 'card', 'aria-labelledby': 'url-title' },
    h('h2', { id: 'url-title' }, 'A URL or a feed'),
    h(
      'label',
      { class: 'field wide' },
      h('span', null, 'Article or RSS/Atom feed URL'),
      h('input', { name: 'url', type: 'url', placeholder: 'https://…', required: true }),
    ),
    h('button', { type: 'submit' }, 'Fetch and store'),
  );
  urlForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = String(new FormData(urlForm).get('url') ?? '').trim();
    progress.removeAttribute('value');
    progressText.textContent = `Fetching ${url}…`;
    try {
      const res = await postJson<Record<string, unknown>>('/api/ingest', { url });
      const list = (['results', 'items', 'articles', 'stored'] as const)
        .map((k) => res.body[k])
        .find(Array.isArray) as Record<string, unknown>[] | undefined;
      for (const r of list ?? [res.body]) {
        const s = (v: unknown) => (typeof v === 'string' ? v : null);
        const st = s(r.status);
        addResult({
          name: s(r.url) ?? s(r.path) ?? s(r.name) ?? url,
          // Only the two success statuses count as success; anything else (failed, refused) is a rejection.
          status:
            st === 'already stored' ? 'already stored' : st === 'stored' && !r.error ? 'stored' : 'rejected',
          reason:
            s(r.reason) ?? s(r.error) ?? s((r.error as { message?: string } | undefined)?.message) ?? '',
          id: s(r.id) ?? s(r.articleId),
          headline: s(r.headline) ?? s(r.title),
        });
      }
      progressText.textContent = 'Done.';
    } catch (err) {
      const reason =
        err instanceof ApiError && err.status === 404 && /no route/.test(err.message)
          ? 'this server has no URL/feed ingest route (POST /api/ingest)'
          : err instanceof Error
            ? err.message
            : String(err);
      addResult({ name: url, status: 'rejected', reason, id: null, headline: null });
      progressText.textContent = 'Failed.';
    } finally {
      progress.value = progress.max;
    }
  });

  mount(
    main,
    h('h1', null, 'Ingest'),
    h('div', { class: 'ingest-grid' }, paste, upload, urlForm),
    h('section', { class: 'progress', 'aria-label': 'Progress' }, progress, ' ', progressText),
    results,
  );
}
