import { Injectable } from '@nestjs/common';

/**
 * The port through which the catalogue's filters ask about releases (`hasPublishedRelease`,
 * `interfaceStandard`): releases sit above the catalogue, so the releases module plugs its SQL in
 * when the application starts (see ReleasesModule). The catalogue never names the release table.
 */
export interface ReleaseFactsSql {
  /** Condition: the service (an SQL expression of its id) has a PUBLISHED release. */
  anyPublished(serviceId: string): string;
  /** Scalar sub-select: the interfaces (jsonb) of the service's latest release. */
  latestInterfaces(serviceId: string): string;
}

@Injectable()
export class CatalogueReleaseFacts {
  private sql: ReleaseFactsSql | null = null;

  provide(sql: ReleaseFactsSql): void {
    this.sql = sql;
  }

  get(): ReleaseFactsSql {
    if (!this.sql) {
      throw new Error('No release facts: the releases module provides them at start-up');
    }
    return this.sql;
  }
}
