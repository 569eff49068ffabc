import { StartSearch } from '../catalogue/start-search';
import { useSession } from '../session/session';
import { StartWork } from '../subscriptions/start-work';
import { Page } from '../ui/page';

/** "Start" (/): what needs the signed-in user now; for everyone the search and the figures. */
export function StartPage() {
  const session = useSession();
  return (
    <Page title="Start" lead="Referenzumsetzungen nach dem OZG finden, prüfen und nachnutzen.">
      {session.current ? <StartWork /> : null}
      <StartSearch />
    </Page>
  );
}
