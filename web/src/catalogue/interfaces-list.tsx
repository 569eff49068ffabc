import type { InterfaceDirection } from '../graphql/generated/enums';
import { INTERFACE_DIRECTION } from '../ui/labels';

export interface InterfaceUse {
  direction: InterfaceDirection;
  version: string;
  standard: { key: string; name: string };
}

/** The interfaces of the latest release: "XBau 2.3 (stellt bereit)". */
export function InterfacesList({
  version,
  interfaces,
}: {
  version: string | null;
  interfaces: InterfaceUse[];
}) {
  if (version === null) {
    return (
      <p className="kern-body">
        Die Schnittstellen stehen fest, sobald eine Version veröffentlicht ist; bisher gibt es keine.
      </p>
    );
  }
  if (interfaces.length === 0) {
    return <p className="kern-body">Version {version} nennt keine Schnittstellen.</p>;
  }
  return (
    <>
      <p className="kern-body">Schnittstellen der aktuellen Version {version}:</p>
      <ul className="kern-list">
        {interfaces.map((use) => (
          <li key={`${use.standard.key}-${use.version}-${use.direction}`} className="kern-body">
            {`${use.standard.name} ${use.version} (${INTERFACE_DIRECTION[use.direction]})`}
          </li>
        ))}
      </ul>
    </>
  );
}
