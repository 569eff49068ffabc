export interface LegalBasis {
  provision?: string | null;
  /** Where the cited text is: the provision's own page where the API knows one, else the norm's. */
  url?: string | null;
  norm: { id: string; abbreviation: string; title: string; url?: string | null };
}

/**
 * A service's legal bases: "WoGG § 22 Abs. 1", linked to the text it cites where the register
 * knows its address: the provision's own page (the API's `url`, e.g. gesetze-im-internet.de's
 * `/wogg/__22.html`), else the norm's. The link opens in the same tab (the back button returns
 * here) and says that it leaves the register.
 */
export function LegalBases({ legalBases }: { legalBases: LegalBasis[] }) {
  if (legalBases.length === 0) {
    return <p className="kern-body">Für diese Leistung sind keine Rechtsgrundlagen eingetragen.</p>;
  }
  return (
    <ul className="kern-list">
      {legalBases.map((basis, index) => {
        const name = basis.provision
          ? `${basis.norm.abbreviation} ${basis.provision}`
          : basis.norm.abbreviation;
        const href = basis.url ?? basis.norm.url;
        return (
          <li key={`${basis.norm.id}-${index}`} className="kern-body">
            {href ? (
              <a className="kern-link" href={href}>
                {name} <span className="kern-sr-only">(externer Link)</span>
              </a>
            ) : (
              name
            )}
            {` – ${basis.norm.title}`}
          </li>
        );
      })}
    </ul>
  );
}
