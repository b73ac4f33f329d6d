/**
 * A PR comment as GitHub shows it: Markdown rendered with a GFM renderer (tables, task lists, autolinks)
 * into a page styled like a GitHub comment body at comment width. Written for the visual check
 * (test/e2e/pr-comment-visual.test.ts); the CSS states the GitHub rules that decide wrapping and overflow.
 */
import { marked } from 'marked';

/** The width of a comment's body on a pull request's conversation page, in CSS pixels. */
export const COMMENT_WIDTH = 780;

const CSS = `
  html, body { margin: 0; padding: 0; background: #fff; }
  .comment { width: ${COMMENT_WIDTH}px; box-sizing: border-box; padding: 16px; border: 1px solid #d1d9e0; }
  .markdown-body {
    font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px;
    line-height: 1.5; color: #1f2328; word-wrap: break-word; overflow-wrap: break-word;
  }
  .markdown-body h3, .markdown-body h4 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
  .markdown-body p, .markdown-body ul, .markdown-body blockquote, .markdown-body table,
  .markdown-body pre, .markdown-body details { margin: 0 0 16px; }
  .markdown-body ul { padding-left: 2em; }
  .markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
  .markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto;
    border-spacing: 0; border-collapse: collapse; }
  .markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d1d9e0; }
  .markdown-body code, .markdown-body pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 85%; }
  .markdown-body pre { padding: 16px; overflow: auto; line-height: 1.45; background: #f6f8fa;
    border-radius: 6px; word-wrap: normal; }
  .markdown-body pre code { white-space: pre; }
  .markdown-body img { max-width: 100%; }
`;

/** The HTML page of one comment, rendered from its Markdown the way GitHub's GFM renderer does. */
export function commentPage(markdown: string): string {
  const html = marked.parse(markdown, { gfm: true, async: false }) as string;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="comment"><div class="markdown-body" id="comment">${html}</div></div></body></html>`;
}

/**
 * Browser-side probes, as source text (this project is typechecked without the DOM library). Passed to
 * page.evaluate; each returns plain data.
 */
export const LAYOUT_PROBE = `(() => {
  const root = document.getElementById('comment');
  const columnRight = root.getBoundingClientRect().right;
  const visible = (el) => !el.closest('details:not([open])');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    columnRight,
    tables: [...root.querySelectorAll('table')].map((t) => ({
      right: t.getBoundingClientRect().right, scrollWidth: t.scrollWidth, clientWidth: t.clientWidth,
    })),
    clipped: [...root.querySelectorAll('p, li, h3, h4, blockquote, summary')]
      .filter((el) => visible(el) && (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > columnRight + 1))
      .map((el) => (el.textContent || '').slice(0, 120)),
  };
})()`;

/** Every rendered delete/recycle entry: its first line, its "would lose" item, and whether it is collapsed. */
export const DESTRUCTIVE_PROBE = `(() =>
  [...document.querySelectorAll('#comment li')]
    .filter((li) => /^\\S+ (DELETE|RECYCLE) /u.test(li.textContent || ''))
    .map((li) => {
      const lose = [...li.querySelectorAll('li')].find((x) => (x.textContent || '').startsWith('would lose:'));
      return {
        text: (li.textContent || '').split('\\n')[0],
        lose: lose ? lose.textContent : '',
        inCollapsed: !!li.closest('details:not([open])'),
        height: lose ? lose.getBoundingClientRect().height : 0,
      };
    }))()`;
