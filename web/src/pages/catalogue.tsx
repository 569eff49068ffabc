import { Page } from '../ui/page';

/** "Leistungen" (/leistungen): the catalogue. */
export function CataloguePage() {
  return <Page title="Leistungen" />;
}
