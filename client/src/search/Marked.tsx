import { compact, marked } from './api';

/**
 * Highlighted text from the server's escaped HTML, rendered as text and <mark> elements.
 * lead: at most this many characters before the first match (for one-line suggestions).
 */
export function Marked({ html, lead }: { html: string; lead?: number }) {
  const pieces = lead ? compact(marked(html), lead) : marked(html);
  return (
    <>
      {pieces.map((m, i) => (m.mark ? <mark key={i}>{m.text}</mark> : <span key={i}>{m.text}</span>))}
    </>
  );
}
