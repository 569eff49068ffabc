import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CatalogueSearchForm, type FilterOptions } from '../catalogue/catalogue-search-form';
import { Paging, ResultCount, ResultList } from '../catalogue/catalogue-results';
import {
  PAGE_SIZE,
  catalogueHref,
  filtersFrom,
  nextPosition,
  pageNumber,
  positionFrom,
  previousPosition,
  searchParamsFor,
  serviceFilter,
  type CatalogueFilters,
} from '../catalogue/catalogue-url';
import { graphql } from '../graphql/generated';
import type { CatalogueFilterOptionsQuery as FilterOptionsData } from '../graphql/generated/graphql';
import { problemsOf } from '../graphql/errors';
import { useViewer } from '../graphql/viewer';
import { mayRegisterServices } from '../services/service-access';
import { Problems } from '../ui/alert';
import { Page } from '../ui/page';

const CatalogueServices = graphql(`
  query CatalogueServices($filter: ServiceFilter, $first: Int!, $after: String) {
    services(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          slug
          name
          summary
          maturityLevel
          maturityModel
          subscriptionCount
          owner {
            id
            key
            name
          }
          latestRelease {
            id
            version
          }
        }
      }
    }
  }
`);

/**
 * The filters' choices. "Eigentümer" offers the organisations that own a service
 * (`organisations(ownsServices: true)`, the first 100; an owner beyond them can still be filtered
 * by a link with ?eigentuemer=).
 * A query of its own, beside the results' (in parallel, not after it): the choices do not change
 * with the search, so they are fetched once and not again with every page.
 */
const CatalogueFilterOptions = graphql(`
  query CatalogueFilterOptions {
    legalNorms {
      id
      abbreviation
      title
    }
    owners: organisations(ownsServices: true, first: 100) {
      edges {
        node {
          id
          key
          name
        }
      }
    }
  }
`);

/** "Leistungen" (/leistungen): the catalogue, its search, filters and pages, all in the URL. */
export function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const position = useMemo(() => positionFrom(params), [params]);
  const filter = useMemo(() => serviceFilter(filters), [filters]);

  const variables = useMemo(
    () => ({ filter, first: PAGE_SIZE, after: position.after }),
    [filter, position.after],
  );
  const [results] = useQuery({ query: CatalogueServices, variables });
  // urql keeps the previous search's answer while the next one runs: show it as running instead,
  // so that the count announced is always the count of what the form and URL say.
  const current = JSON.stringify(results.operation?.variables) === JSON.stringify(variables);
  const [choices] = useQuery({ query: CatalogueFilterOptions, requestPolicy: 'cache-first' });
  const options = useMemo(() => filterOptions(choices.data), [choices.data]);

  // After a search or a change of page the result count takes the focus (once the answer is
  // there, and after Page has put it on the heading for the navigation).
  const count = useRef<HTMLParagraphElement>(null);
  const focusResults = useRef(false);
  const answered = current && !results.fetching && (results.data ?? results.error);
  useEffect(() => {
    if (!focusResults.current || !answered) {
      return;
    }
    const timer = window.setTimeout(() => {
      focusResults.current = false;
      count.current?.focus();
    });
    return () => window.clearTimeout(timer);
  }, [answered, results.data]);

  const search = (next: CatalogueFilters) => {
    focusResults.current = true;
    setParams(searchParamsFor(next));
  };

  const connection = current ? results.data?.services : undefined;
  const problems = current ? problemsOf(results.error) : [];
  const previous = previousPosition(position);
  const page = pageNumber(position);
  const formKey = searchParamsFor(filters).toString();

  return (
    <Page title="Leistungen">
      <RegisterLink />
      <CatalogueSearchForm key={formKey} filters={filters} options={options} onSearch={search} />
      {problems.length > 0 ? (
        <>
          <Problems problems={problems} title="Die Suche hat nicht geklappt" />
          {position.after ? (
            <p className="kern-body">
              <Link className="kern-link" to={catalogueHref(filters)}>
                Zur ersten Seite der Suche
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
      <ResultCount ref={count} count={connection ? connection.totalCount : problems.length > 0 ? 0 : null} />
      {connection ? (
        <>
          <ResultList services={connection.edges.map((edge) => edge.node)} />
          <Paging
            page={page}
            pages={Math.ceil(connection.totalCount / PAGE_SIZE)}
            previous={previous ? catalogueHref(filters, previous) : null}
            next={
              connection.pageInfo.hasNextPage && connection.pageInfo.endCursor
                ? catalogueHref(filters, nextPosition(position, connection.pageInfo.endCursor))
                : null
            }
            onFollow={() => {
              focusResults.current = true;
            }}
          />
        </>
      ) : null}
    </Page>
  );
}

/** "Leistung registrieren", for MAINTAINERs and OPERATORs. */
function RegisterLink() {
  const { viewer } = useViewer();
  if (!mayRegisterServices(viewer)) {
    return null;
  }
  return (
    <p>
      <Link className="kern-btn kern-btn--secondary" to="/leistungen/neu">
        <span className="kern-label">Leistung registrieren</span>
      </Link>
    </p>
  );
}

function filterOptions(data: FilterOptionsData | undefined): FilterOptions | null {
  if (!data) {
    return null;
  }
  return {
    owners: data.owners.edges
      .map(({ node }) => ({ key: node.key, name: node.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    legalNorms: [...data.legalNorms].sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'de')),
  };
}
