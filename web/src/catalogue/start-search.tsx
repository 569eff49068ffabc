import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { formatNumber } from '../ui/labels';
import { SearchField } from './search-field';

/** The catalogue's figures, counted by the API: one query, one alias per figure. */
const StartFiguresQuery = graphql(`
  query StartFigures {
    all: services(first: 0) {
      totalCount
    }
    published: services(first: 0, filter: { hasPublishedRelease: true }) {
      totalCount
    }
    compliant: services(first: 0, filter: { maturityModel: V1_1, minMaturityLevel: 3 }) {
      totalCount
    }
    activeSubscriptionCount
  }
`);

/** On the start page: the search box ("Suche", "Suchen" → /leistungen?suche=…) and the catalogue's figures. */
export function StartSearch() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [{ data }] = useQuery({ query: StartFiguresQuery });

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const search = text.trim();
    void navigate(
      search ? `/leistungen?${new URLSearchParams({ suche: search }).toString()}` : '/leistungen',
    );
  };

  return (
    <>
      <section aria-labelledby="start-suche" className="stack">
        <h2 className="kern-heading-large" id="start-suche">
          Leistungen finden
        </h2>
        <form role="search" aria-labelledby="start-suche" className="start-search" onSubmit={submit}>
          <SearchField value={text} onChange={setText} />
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-icon kern-icon--search" aria-hidden="true" />
            <span className="kern-label">Suchen</span>
          </button>
        </form>
      </section>
      <section aria-labelledby="start-zahlen" className="stack">
        <h2 className="kern-heading-large" id="start-zahlen">
          Der Katalog in Zahlen
        </h2>
        {data ? (
          <ul className="start-figures">
            <Figure
              value={data.all.totalCount}
              label={data.all.totalCount === 1 ? 'Leistung im Katalog' : 'Leistungen im Katalog'}
            />
            <Figure value={data.published.totalCount} label="mit veröffentlichter Version" />
            <Figure
              value={data.compliant.totalCount}
              label="mit Reifegrad 3 oder höher nach Modell 1.1 (OZG-konform)"
            />
            <Figure
              value={data.activeSubscriptionCount}
              label={data.activeSubscriptionCount === 1 ? 'Aktive Nachnutzung' : 'Aktive Nachnutzungen'}
            />
          </ul>
        ) : (
          <p className="kern-body">Die Zahlen werden geladen …</p>
        )}
        <p className="kern-body">
          <Link className="kern-link" to="/leistungen">
            Alle Leistungen ansehen
          </Link>
        </p>
      </section>
    </>
  );
}

function Figure({ value, label }: { value: number; label: string }) {
  return (
    <li className="kern-card start-figures__item">
      <div className="kern-card__container">
        <p className="kern-body">
          <span className="kern-heading-large start-figures__value">{formatNumber(value)}</span> {label}
        </p>
      </div>
    </li>
  );
}
