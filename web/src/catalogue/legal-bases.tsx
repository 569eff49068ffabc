export interface LegalBasis {
  provision?: string | null;
  norm: { id: string; abbreviation: string; title: string; url?: string | null };
}

/**
 * A service's legal bases: "WoGG § 22 Abs. 1", linked to the norm's text where the register
 * knows its address. The link opens in the same tab (the back button returns here) and says that
 * it leaves the register.
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
        return (
          <li key={`${basis.norm.id}-${index}`} className="kern-body">
            {basis.norm.url ? (
              <a className="kern-link" href={basis.norm.url}>
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
