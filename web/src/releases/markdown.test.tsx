import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkdownText } from './markdown';

describe('MarkdownText: notes from the database as sanitised Markdown', () => {
  it('renders emphasis, lists and https links', () => {
    const { container } = render(
      <MarkdownText>
        {'**Neu:** Gebühren\n\n- eins\n- zwei\n\n[Satzung](https://example.org/satzung)'}
      </MarkdownText>,
    );
    expect(container.querySelector('strong')?.textContent).toBe('Neu:');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.org/satzung');
  });

  it('passes no HTML through: no script element, no event handler attribute, no javascript: link', () => {
    const { container } = render(
      <MarkdownText>
        {
          '<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[klick](javascript:alert(3))\n\n<b onclick="x()">fett</b>'
        }
      </MarkdownText>,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror], [onclick]')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('a')?.getAttribute('href') ?? '').not.toContain('javascript');
  });

  it('shows an image only as its alternative text (no requests to other hosts)', () => {
    const { container } = render(
      <MarkdownText>{'![Ablaufdiagramm](https://tracker.example/x.png)'}</MarkdownText>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('[Bild: Ablaufdiagramm]');
  });

  it('demotes headings below the page and the section', () => {
    const { container } = render(<MarkdownText>{'# Titel\n\n## Unter'}</MarkdownText>);
    expect(container.querySelector('h1, h2')).toBeNull();
    expect(container.querySelectorAll('h3')).toHaveLength(2);
  });
});
