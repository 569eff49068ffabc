import { CreatePlatform1764330000000 } from './1764330000000-CreatePlatform';

/** Every migration in order. Listed explicitly so that the build, the CLI and the tests agree. */
export const MIGRATIONS = [CreatePlatform1764330000000];
