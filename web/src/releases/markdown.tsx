import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Text from the database written in Markdown (a release's notes), rendered safely: react-markdown
 * builds React elements from the Markdown syntax tree and never passes HTML through (no
 * rehype-raw), so `<script>` or an `onerror` attribute in the notes appear as text or not at all;
 * links only with http(s) or mailto (react-markdown's default URL filter drops javascript: and
 * the like). KERN's classes on the elements, headings demoted below the page's own.
 */
export function MarkdownText({ children }: { children: string }) {
  return (
    <div className="markdown kern-body">
      <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS} skipHtml>
        {children}
      </Markdown>
    </div>
  );
}

const COMPONENTS: Components = {
  h1: ({ children }) => <h3 className="kern-heading-small">{children}</h3>,
  h2: ({ children }) => <h3 className="kern-heading-small">{children}</h3>,
  h3: ({ children }) => <h4 className="kern-heading-x-small">{children}</h4>,
  h4: ({ children }) => <h4 className="kern-heading-x-small">{children}</h4>,
  p: ({ children }) => <p className="kern-body">{children}</p>,
  ul: ({ children }) => <ul className="kern-list">{children}</ul>,
  ol: ({ children }) => <ol className="kern-list">{children}</ol>,
  a: ({ href, children }) => (
    <a className="kern-link" href={href} rel="noopener noreferrer">
      {children}
    </a>
  ),
  img: ({ alt }) => <span>{alt ? `[Bild: ${alt}]` : ''}</span>,
};
