import { CreatePlatform1764330000000 } from './1764330000000-CreatePlatform';
import { CreateCatalogue1764330100000 } from './1764330100000-CreateCatalogue';
import { CreateReleases1764330200000 } from './1764330200000-CreateReleases';
import { CreateSubscriptions1764330300000 } from './1764330300000-CreateSubscriptions';
import { CreateCampaigns1764330400000 } from './1764330400000-CreateCampaigns';
import { CreateEffort1764330500000 } from './1764330500000-CreateEffort';
import { CreateGithub1764330600000 } from './1764330600000-CreateGithub';
import { ServiceKeywords1764330700000 } from './1764330700000-ServiceKeywords';
import { SearchVocabulary1764330800000 } from './1764330800000-SearchVocabulary';
import { SearchEndingsUpTo121764330900000 } from './1764330900000-SearchEndingsUpTo12';
import { CreateNotifications1764331000000 } from './1764331000000-CreateNotifications';
import { NotificationOrder1764331100000 } from './1764331100000-NotificationOrder';
import { MaturityModel1764331200000 } from './1764331200000-MaturityModel';
import { ForgeNamespaces1764331400000 } from './1764331400000-ForgeNamespaces';

/** Every migration in order. Listed explicitly so that the build, the CLI and the tests agree. */
export const MIGRATIONS = [
  CreatePlatform1764330000000,
  CreateCatalogue1764330100000,
  CreateReleases1764330200000,
  CreateSubscriptions1764330300000,
  CreateCampaigns1764330400000,
  CreateEffort1764330500000,
  CreateGithub1764330600000,
  ServiceKeywords1764330700000,
  SearchVocabulary1764330800000,
  SearchEndingsUpTo121764330900000,
  CreateNotifications1764331000000,
  NotificationOrder1764331100000,
  MaturityModel1764331200000,
  ForgeNamespaces1764331400000,
];
