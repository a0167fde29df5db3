// A comment body as text: mentions as "@Name" (marked, for sighted readers), everything else as
// React text nodes, so nothing a person writes is ever read as HTML.
import { segments } from './mentions';

export function CommentText({ body }: { body: string }) {
  return (
    <p className="cm-body">
      {segments(body).map((s, i) =>
        s.kind === 'text' ? (
          s.text
        ) : (
          <span key={i} className="cm-at">
            @{s.name}
          </span>
        ),
      )}
    </p>
  );
}
