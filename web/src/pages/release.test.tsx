import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../catalogue/test-support';
import { ReleasePage } from './release';

const routes = [{ path: '/leistungen/:slug/versionen/:version', element: <ReleasePage /> }];

const gate = (kind: string, overrides: Record<string, unknown> = {}) => ({
  id: `g-${kind}`,
  kind,
  status: 'PENDING',
  approvals: 0,
  requiredApprovals: 1,
  blockedReason: `needs 1 more ${kind} approval`,
  hold: null,
  pendingSince: '2026-11-30T09:00:00Z',
  viewerMaySignOff: false,
  signOffRefusal: null,
  signOffRefusalMessage: null,
  signOffs: [],
  waiver: null,
  ...overrides,
});

function release(overrides: Record<string, unknown> = {}) {
  return {
    id: 'r3',
    version: '2.1.0',
    state: 'IN_REVIEW',
    notes: '**Neue Gebühren**',
    artifactDigest: `sha256:${'a'.repeat(64)}`,
    artifactUrl: null,
    importedFrom: null,
    createdAt: '2026-11-30T08:00:00Z',
    publishedAt: null,
    createdBy: { id: 'rita.review', name: 'Rita Review', organisation: { id: 'o1', name: 'Dataport AöR' } },
    changes: [{ type: 'BREAKING', description: 'Feld „Rasse“ entfällt' }],
    interfaces: [{ direction: 'CONSUMES', version: '2.0', standard: { key: 'epayment', name: 'ePayment' } }],
    impact: {
      bump: 'MINOR',
      breaking: true,
      semverConsistent: false,
      suggestedVersion: '3.0.0',
      baseline: { id: 'r2', version: '2.0.0' },
      added: [],
      removed: [],
      affectedSubscriptions: [],
    },
    gates: [
      gate('USABILITY', {
        status: 'PASSED',
        approvals: 1,
        blockedReason: null,
        signOffs: [
          {
            id: 's1',
            verdict: 'APPROVE',
            comment: 'BITV geprüft',
            evidenceUrl: null,
            outdated: true,
            createdAt: '2026-11-30T10:00:00Z',
            artifactDigest: `sha256:${'b'.repeat(64)}`,
            reviewer: { id: 'uwe', name: 'Uwe Usability', organisation: null },
          },
        ],
      }),
      gate('SECURITY', { signOffRefusal: 'FOUR_EYES', signOffRefusalMessage: 'Vier Augen' }),
      gate('INTERFACES', { approvals: 1, hold: 'SEMVER_INCONSISTENT', viewerMaySignOff: true }),
    ],
    actions: [
      { action: 'UPDATE_NOTES', allowed: true, reason: null, message: null },
      {
        action: 'SUBMIT',
        allowed: false,
        reason: 'RELEASE_STATE',
        message: 'Nur ein Entwurf kann eingereicht werden.',
      },
      {
        action: 'PUBLISH',
        allowed: false,
        reason: 'PUBLISH_NOT_APPROVED',
        message: 'Die Version ist noch nicht freigegeben.',
      },
      {
        action: 'DEPRECATE',
        allowed: false,
        reason: 'RELEASE_STATE',
        message: 'Nur veröffentlichte Versionen.',
      },
    ],
    deprecation: null,
    withdrawal: null,
    ...overrides,
  };
}

const answer = (r: unknown) => ({
  ReleasePage: {
    service: {
      id: 's1',
      slug: 'hundesteuer-anmelden',
      name: 'Hundesteuer anmelden',
      owner: { id: 'o1', key: 'dataport', name: 'Dataport AöR' },
      release: r,
    },
  },
});

describe('ReleasePage', () => {
  it('shows state, notes as Markdown, changes and the semver warning with the suggested version', async () => {
    renderAt('/leistungen/hundesteuer-anmelden/versionen/2.1.0', routes, answer(release()));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hundesteuer anmelden 2.1.0' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Hundesteuer anmelden 2.1.0 – Nachnutzungsregister');
    expect(screen.getByText('Neue Gebühren').tagName).toBe('STRONG');
    expect(screen.getByText(/Feld „Rasse“ entfällt/)).toBeInTheDocument();
    const warning = screen.getByText('Versionsnummer passt nicht zu den Änderungen').closest('.kern-alert')!;
    expect(warning.textContent).toContain('mindestens 3.0.0');
  });

  it('gives each gate what it lacks in German, and the creator the four-eyes sentence instead of buttons', async () => {
    renderAt('/leistungen/hundesteuer-anmelden/versionen/2.1.0', routes, answer(release()));
    const security = await screen.findByRole('region', { name: 'Prüfung Sicherheit' });
    expect(within(security).getByText('Es fehlt noch 1 Freigabe (Sicherheit).')).toBeInTheDocument();
    expect(within(security).getByText(/Nach dem Vier-Augen-Prinzip/)).toBeInTheDocument();
    expect(within(security).queryByRole('button', { name: 'Freigeben' })).toBeNull();

    const usability = screen.getByRole('region', { name: 'Prüfung Gebrauchstauglichkeit' });
    expect(within(usability).getByText('Veraltet: galt einem früheren Artefakt')).toBeInTheDocument();

    const interfaces = screen.getByRole('region', { name: 'Prüfung Schnittstellen' });
    expect(within(interfaces).getByRole('button', { name: 'Freigeben' })).toBeInTheDocument();
    expect(within(interfaces).getByText('Ihre Freigabe ändert den Status nicht')).toBeInTheDocument();
    expect(interfaces.textContent).toContain('mindestens 3.0.0');
  });

  it("offers only the allowed actions, with the API's reason for the next step", async () => {
    renderAt('/leistungen/hundesteuer-anmelden/versionen/2.1.0', routes, answer(release()));
    const actions = await screen.findByRole('region', { name: 'Aktionen' });
    expect(within(actions).getByRole('link', { name: 'Bearbeiten' })).toHaveAttribute(
      'href',
      '/leistungen/hundesteuer-anmelden/versionen/2.1.0/bearbeiten',
    );
    expect(within(actions).queryByRole('button', { name: 'Veröffentlichen' })).toBeNull();
    expect(actions.textContent).toContain(
      'Veröffentlichen ist noch nicht möglich: Die Version ist noch nicht freigegeben.',
    );
    expect(within(actions).getByText(/Abkündigen: Nur veröffentlichte Versionen/)).toBeInTheDocument();
  });

  it('says when the version is not there or not visible', async () => {
    renderAt('/leistungen/hundesteuer-anmelden/versionen/9.9.9', routes, answer(null));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Version nicht gefunden' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Entwürfe sehen nur die Maintainer/)).toBeInTheDocument();
  });
});
