/**
 * Renders a plan as text (terminals), Markdown (PR comments) or JSON (machines) — PURE (docs/design.md §4
 * Outputs). One file per format; this module is their common entry point.
 */
export { formatValue, type RenderOptions } from './render-common';
export { renderJson } from './render-json';
export { DESTRUCTIVE_END, DESTRUCTIVE_START, MARKDOWN_LIMIT, ROUTINE_MARKER, renderMarkdown } from './render-markdown';
export { renderText } from './render-text';
export { REDACTED, redactKey } from './redact';
