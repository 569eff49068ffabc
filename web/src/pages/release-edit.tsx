import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { problemsOf } from '../graphql/errors';
import { useViewer } from '../graphql/viewer';
import {
  EMPTY_DRAFT,
  filledChanges,
  filledInterfaces,
  ReleaseForm,
  type ReleaseDraft,
} from '../releases/release-form';
import { Loading, Problems } from '../ui/alert';
import { Page } from '../ui/page';

const NewReleaseQuery = graphql(`
  query NewRelease($slug: String!) {
    service(slug: $slug) {
      id
      slug
      name
      owner {
        id
        key
      }
      latestRelease {
        id
        version
        interfaces {
          direction
          version
          standard {
            key
          }
        }
      }
    }
  }
`);

const EditReleaseQuery = graphql(`
  query EditRelease($slug: String!, $version: SemVer!) {
    service(slug: $slug) {
      id
      slug
      name
      release(version: $version) {
        id
        version
        state
        notes
        artifactDigest
        artifactUrl
        changes {
          type
          description
        }
        interfaces {
          direction
          version
          standard {
            key
          }
        }
        actions {
          action
          allowed
          message
        }
      }
    }
  }
`);

const CreateReleaseMutation = graphql(`
  mutation CreateRelease($input: CreateReleaseInput!) {
    createRelease(input: $input) {
      id
      version
      state
    }
  }
`);

const UpdateReleaseMutation = graphql(`
  mutation UpdateRelease($id: ID!, $input: UpdateReleaseInput!) {
    updateRelease(id: $id, input: $input) {
      id
      version
      state
      notes
    }
  }
`);

const releasePath = (slug: string, version: string) =>
  `/leistungen/${encodeURIComponent(slug)}/versionen/${encodeURIComponent(version)}`;

/** "Neue Version" (/leistungen/:slug/versionen/neu): the owner's maintainer creates a DRAFT. */
export function NewReleasePage() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { viewer, has } = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: NewReleaseQuery, variables: { slug } });
  const [result, create] = useMutation(CreateReleaseMutation);
  const service = data?.service;
  const title = service ? `Neue Version von ${service.name}` : 'Neue Version';
  if (!data) {
    return (
      <Page title={title}>
        <Problems problems={problemsOf(error)} />
        {fetching ? <Loading /> : null}
      </Page>
    );
  }
  if (!service) {
    return (
      <Page title="Leistung nicht gefunden">
        <p className="kern-body">
          <Link className="kern-link" to="/leistungen">
            Zurück zu den Leistungen
          </Link>
        </p>
      </Page>
    );
  }
  const mayCreate = has('OPERATOR') || (has('MAINTAINER') && viewer?.organisation?.key === service.owner.key);
  if (!mayCreate) {
    return (
      <Page title={title}>
        <p className="kern-body">
          Neue Versionen legen die Maintainer der Eigentümerin und der Betrieb an. Bitte melden Sie sich mit
          einer dieser Rollen an.
        </p>
      </Page>
    );
  }
  // A new version starts from the interfaces of the current one: only what changes needs typing.
  const latest = service.latestRelease;
  const initial: ReleaseDraft = latest
    ? {
        ...EMPTY_DRAFT,
        interfaces: latest.interfaces.map((u) => ({
          standard: u.standard.key,
          version: u.version,
          direction: u.direction,
        })),
      }
    : EMPTY_DRAFT;
  return (
    <Page
      title={title}
      lead={`Die Version entsteht als Entwurf. Sie können sie danach bearbeiten und zur Prüfung einreichen.${latest ? ` Die Schnittstellen sind aus Version ${latest.version} übernommen.` : ''}`}
    >
      <ReleaseForm
        serviceSlug={service.slug}
        mode="create"
        initial={initial}
        editable={{ notes: true, contents: true }}
        submitLabel="Entwurf anlegen"
        fetching={result.fetching}
        error={result.error}
        onCancel={() => void navigate(`/leistungen/${encodeURIComponent(service.slug)}`)}
        onSubmit={(draft: ReleaseDraft) =>
          void create({
            input: {
              serviceSlug: service.slug,
              version: draft.version.trim(),
              artifactDigest: draft.artifactDigest.trim(),
              artifactUrl: draft.artifactUrl.trim() || null,
              notes: draft.notes.trim() || null,
              changes: filledChanges(draft.changes),
              interfaces: filledInterfaces(draft.interfaces),
            },
          }).then((answer) => {
            if (answer.data) {
              void navigate(releasePath(service.slug, answer.data.createRelease.version));
            }
          })
        }
      />
    </Page>
  );
}

/** "Version bearbeiten" (/leistungen/:slug/versionen/:version/bearbeiten): notes until publication, contents in DRAFT. */
export function EditReleasePage() {
  const { slug = '', version = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: EditReleaseQuery, variables: { slug, version } });
  const [result, update] = useMutation(UpdateReleaseMutation);
  const release = data?.service?.release;
  const title = data?.service
    ? `${data.service.name} ${version} bearbeiten`
    : `Version ${version} bearbeiten`;
  if (!data) {
    return (
      <Page title={title}>
        <Problems problems={problemsOf(error)} />
        {fetching ? <Loading /> : null}
      </Page>
    );
  }
  if (!release) {
    return (
      <Page title="Version nicht gefunden">
        <p className="kern-body">
          <Link className="kern-link" to={`/leistungen/${encodeURIComponent(slug)}`}>
            Zurück zur Leistung
          </Link>
        </p>
      </Page>
    );
  }
  const allowed = (action: string) => release.actions.some((a) => a.action === action && a.allowed);
  const editable = { notes: allowed('UPDATE_NOTES'), contents: allowed('UPDATE_CONTENTS') };
  if (!editable.notes && !editable.contents) {
    const refusal = release.actions.find((a) => a.action === 'UPDATE_NOTES')?.message;
    return (
      <Page title={title}>
        <p className="kern-body">{refusal ?? 'Diese Version können Sie nicht bearbeiten.'}</p>
        <p className="kern-body">
          <Link className="kern-link" to={releasePath(slug, version)}>
            Zurück zur Version
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={title}>
      <ReleaseForm
        serviceSlug={slug}
        mode="edit"
        initial={{
          version: release.version,
          artifactDigest: release.artifactDigest,
          artifactUrl: release.artifactUrl ?? '',
          notes: release.notes ?? '',
          changes: release.changes.map((c) => ({ type: c.type, description: c.description })),
          interfaces: release.interfaces.map((u) => ({
            standard: u.standard.key,
            version: u.version,
            direction: u.direction,
          })),
        }}
        editable={editable}
        submitLabel="Speichern"
        fetching={result.fetching}
        error={result.error}
        onCancel={() => void navigate(releasePath(slug, version))}
        onSubmit={(draft) =>
          void update({
            id: release.id,
            input: {
              notes: draft.notes.trim(),
              ...(editable.contents
                ? { changes: filledChanges(draft.changes), interfaces: filledInterfaces(draft.interfaces) }
                : {}),
            },
          }).then((answer) => {
            if (answer.data) {
              void navigate(releasePath(slug, version));
            }
          })
        }
      />
    </Page>
  );
}
