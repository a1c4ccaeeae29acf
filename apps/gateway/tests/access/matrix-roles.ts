/** The demo accounts and role groups of the role × operation matrix (matrix.e2e-spec.ts), shared by its per-module row files. */
export const NIL = '00000000-0000-4000-8000-000000000000';
/** Demo accounts (one per system role), an API client holding integration-readonly, and no credentials (public). */
export const ROLES = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'sinopec-nanping', 'zhifa', 'expert', 'integration', 'anonymous'] as const;
export type Who = (typeof ROLES)[number];
export const EVERYONE = [...ROLES];
export const READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'sinopec-nanping', 'zhifa', 'expert', 'integration'];
export const PERSON_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'sinopec-nanping', 'zhifa', 'integration'];
export const DIRECTORY_WRITERS: Who[] = ['admin', 'anban', 'wenfeng'];
export const HAZARD_MANAGERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa'];
export const RECTIFIERS: Who[] = ['admin', 'anban', 'wenfeng', 'sinopec-nanping'];
export const REGISTER_READERS: Who[] = READERS.filter((w) => w !== 'sinopec-nanping');
export const EXPERT_VISIT_WRITERS: Who[] = ['admin', 'anban', 'zhifa', 'expert'];
export const CAMPAIGN_WRITERS: Who[] = ['admin', 'anban', 'jingfa'];

/** Rows of the matrix: an operation field (`Query.x`), a call of it, and who may make it. */
export type MatrixRows = Record<string, { op: string; allowed: readonly Who[] }>;
