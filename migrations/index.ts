import { CreatePlatform1764330000000 } from './1764330000000-CreatePlatform';
import { CreateCatalogue1764330100000 } from './1764330100000-CreateCatalogue';

/** Every migration in order. Listed explicitly so that the build, the CLI and the tests agree. */
export const MIGRATIONS = [CreatePlatform1764330000000, CreateCatalogue1764330100000];
