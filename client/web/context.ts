// Everything the routes share, built once per server: the Temporal-backed readers, the
// file store, the secret-backed session and CSRF helpers, and the upload rules.
import type { Client } from '@temporalio/client';
import { join } from 'node:path';
import type { Account } from '../../auth/accounts';
import { Sessions } from '../../auth/sessions';
import type { Env } from '../../config/env';
import { FileStore } from '../../storage/file-store';
import type { Records } from '../../storage/records';
import { RecordedAssignments } from './data/recorded-assignments';
import { RecordsView } from './data/records-view';
import { Dashboard } from './data/dashboard';
import { Occurrences } from './data/occurrences';
import { ProgramIndex } from './data/program-index';
import type { Visibility } from './data/visibility';
import type { SafeHtml } from './html';
import { SignedVisibility } from './page-tokens';
import type { SigninLimits } from './signin-limits';
import { messages, type Locale } from './i18n';
import { programLevelLinks } from './views/occurrence-pages';
import type { UploadRules } from './views/unit-page';

/**
 * A section of the program dashboard's program-level part. The built-in one links the
 * report cycles, the chair's approval queue and the campaigns, with counts from visibility;
 * deployments may add their own after it.
 */
export interface ProgramPanel {
  id: string;
  render(programId: string, locale: Locale): Promise<SafeHtml | undefined>;
}

export interface WebOptions {
  secret: Buffer;
  accounts: Account[];
  panels?: ProgramPanel[];
  /** Where attachments are stored; default DATA_DIR/files. */
  store?: FileStore;
  /** The records database: closed work Temporal has forgotten is read from it. */
  records?: Records;
}

export interface WebContext {
  client: Client;
  env: Env;
  secret: Buffer;
  sessions: Sessions;
  /** Sign-in throttling; made by the server once @fastify/rate-limit is registered. */
  signin: SigninLimits;
  store: FileStore;
  visibility: Visibility;
  index: ProgramIndex;
  dashboard: Dashboard;
  /** Live state from Temporal; an assignment Temporal has forgotten from the records database. */
  assignments: RecordedAssignments;
  /** The records database beside visibility; absent when the web has none. */
  recorded?: RecordsView;
  /** Report cycles, tasks and campaigns: the program-level workflows. */
  occurrences: Occurrences;
  rules: UploadRules;
  /** Bytes one assignment may hold through its link (DONDOC_UPLOAD_QUOTA_MB). */
  quotaBytes: number;
  panels: ProgramPanel[];
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
}

export function createContext(client: Client, env: Env, options: WebOptions): Omit<WebContext, 'signin'> {
  const visibility = new SignedVisibility(client, env.TEMPORAL_NAMESPACE, options.secret);
  const assignments = new RecordedAssignments(client, options.records);
  const recorded = options.records ? new RecordsView(options.records, visibility) : undefined;
  const index = new ProgramIndex(visibility, async (id) => {
    const outcome = await assignments.state(id);
    return outcome.ok ? outcome.value.itemTitle : undefined;
  });
  const occurrences = new Occurrences(client, visibility, index, recorded);
  const programLevel: ProgramPanel = {
    id: 'program-level',
    render: async (programId, locale) => programLevelLinks(programId, await occurrences.counts(programId), messages(locale)),
  };
  return {
    client,
    env,
    secret: options.secret,
    sessions: new Sessions(options.secret, options.accounts, env.DONDOC_SESSION_HOURS * 3_600_000),
    store: options.store ?? new FileStore(join(env.DATA_DIR, 'files')),
    visibility,
    index,
    dashboard: new Dashboard(visibility, index, recorded),
    assignments,
    ...(recorded ? { recorded } : {}),
    occurrences,
    rules: {
      maxFiles: env.DONDOC_UPLOAD_MAX_FILES,
      maxMb: env.DONDOC_UPLOAD_MAX_MB,
      extensions: env.DONDOC_UPLOAD_TYPES.toLowerCase().split(','),
    },
    quotaBytes: Math.floor(env.DONDOC_UPLOAD_QUOTA_MB * 1024 * 1024),
    panels: [programLevel, ...(options.panels ?? [])],
    secureCookies: new URL(env.PUBLIC_URL).protocol === 'https:',
  };
}
