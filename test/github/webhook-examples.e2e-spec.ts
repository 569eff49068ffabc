import examples from '@octokit/webhooks-examples/api.github.com/index.json';
import { useGithubWorld } from '../support/github';

/**
 * Every documented GitHub event is acknowledged: the community's example deliveries
 * (@octokit/webhooks-examples, one entry per event with its examples, 329 in all) go through the
 * webhook as GitHub sends them, each is stored once and worked without failing. Events the
 * registry does not act on, and releases of repositories no service links, are skipped with a
 * reason.
 */
describe('the GitHub webhook takes every documented event', () => {
  const w = useGithubWorld();
  const deliveries = (examples as { name: string; examples: unknown[] }[]).flatMap((entry) =>
    entry.examples.map((payload, i) => ({ event: entry.name, payload, id: `example-${entry.name}-${i}` })),
  );

  it('has the examples of every event, digits in the name included', () => {
    expect(deliveries.length).toBeGreaterThanOrEqual(329);
    expect(new Set(deliveries.map((d) => d.event))).toContain('projects_v2_item');
  });

  it('acknowledges each with 202, stores it once and works it without a failure', async () => {
    const answers: Record<string, number> = {};
    for (const { event, payload, id } of deliveries) {
      const { response } = await w.deliver(payload, { event, id });
      answers[`${response.status}`] = (answers[`${response.status}`] ?? 0) + 1;
    }
    expect(answers).toEqual({ 202: deliveries.length });

    await w.worker().drain();
    const outcomes = await w.t.db.query<{ outcome: string; count: number }[]>(
      `SELECT outcome, count(*)::int AS count FROM github_delivery WHERE id LIKE 'example-%' GROUP BY outcome ORDER BY outcome`,
    );
    expect(outcomes.reduce((sum, row) => sum + row.count, 0)).toBe(deliveries.length);
    expect(outcomes.map((row) => row.outcome)).not.toContain('FAILED');
    expect(outcomes.map((row) => row.outcome)).not.toContain('PENDING');
    const [{ reasons }] = await w.t.db.query<{ reasons: number }[]>(
      `SELECT count(*)::int AS reasons FROM github_delivery
        WHERE id LIKE 'example-%' AND outcome = 'SKIPPED' AND coalesce(detail, '') = ''`,
    );
    expect(reasons).toBe(0); // every skip says why
  }, 120_000);
});
