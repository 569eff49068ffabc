import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA, the console's bar (docs/console.md, "Accessibility"). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page as it is now; fails with one line per violation and node: the rule,
 * its impact, the element (CSS target) and axe's help text with its link.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}) at ${node.target.join(' ')}: ${violation.help} – ${violation.helpUrl}`,
    ),
  );
  expect(lines, `axe found WCAG 2.1 AA violations on ${page.url()}`).toEqual([]);
}
