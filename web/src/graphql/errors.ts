import type { CombinedError } from 'urql';

/** One problem as the API reported it; the message is German (the console sends Accept-Language: de). */
export interface ApiProblem {
  code: string;
  reason?: string;
  /** The argument path, e.g. "input.versionRange", when the problem concerns one field. */
  field?: string;
  message: string;
}

/** What to do, by code, for problems whose message does not already say it. */
const ADVICE: Record<string, string> = {
  UNAUTHENTICATED: 'Bitte melden Sie sich an.',
  FORBIDDEN: 'Diese Aktion ist Ihrer Rolle nicht erlaubt. Wenden Sie sich an die zuständige Stelle.',
  NOT_FOUND: 'Prüfen Sie den Link oder suchen Sie die Leistung erneut.',
  CONFLICT: 'Laden Sie die Seite neu: der Stand hat sich inzwischen geändert.',
  TOO_MANY_REQUESTS: 'Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  INTERNAL_SERVER_ERROR:
    'Bitte versuchen Sie es später erneut. Bleibt der Fehler, melden Sie ihn dem Betrieb.',
};

export function problemsOf(error: CombinedError | undefined | null): ApiProblem[] {
  if (!error) {
    return [];
  }
  if (error.networkError && error.graphQLErrors.length === 0) {
    return [
      {
        code: 'NETWORK',
        message:
          'Das Register ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      },
    ];
  }
  return error.graphQLErrors.map((e) => {
    const field = typeof e.extensions?.field === 'string' ? e.extensions.field : undefined;
    return {
      code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
      reason: typeof e.extensions?.reason === 'string' ? e.extensions.reason : undefined,
      field,
      // The API puts the argument's path in front ("input.comment: Bitte …"); the console shows
      // the message at its field, where the path says nothing to the reader.
      message: field && e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message,
    };
  });
}

export function adviceFor(problem: ApiProblem): string | undefined {
  return ADVICE[problem.code];
}

/** The problem for one form field (by its argument path), to show next to it. */
export function problemFor(problems: ApiProblem[], field: string): ApiProblem | undefined {
  return problems.find((p) => p.field === field || p.field?.endsWith(`.${field}`));
}
