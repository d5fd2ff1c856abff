/**
 * Who is asking: the public (no token), or a person acting for an organisation (an Actor id) with
 * the roles their token names. What the roles allow is the federation's business, not the platform's.
 */
export type Viewer =
  | { kind: 'public' }
  | { kind: 'member'; subject: string; organisationId: string; roles: readonly string[] };

export const PUBLIC: Viewer = { kind: 'public' };

export type SignedIn = Extract<Viewer, { kind: 'member' }>;

/** The one test of "signed in": a verified token for a registered organisation. */
export const isSignedIn = (viewer: Viewer): viewer is SignedIn => viewer.kind === 'member';
