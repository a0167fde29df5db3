// Types mirroring shared/api/openapi.yaml (components.schemas).
export type Id = string;
export type Language = 'fi' | 'sv' | 'en';
export const LANGUAGES: Language[] = ['fi', 'sv', 'en'];
export type Role = 'coordinator' | 'member' | 'observer';
export const ROLES: Role[] = ['coordinator', 'member', 'observer'];
export type OrganisationType =
  | 'municipality'
  | 'vocational_institution'
  | 'university_of_applied_sciences'
  | 'employment_services'
  | 'ohjaamo'
  | 'ely_centre'
  | 'third_sector'
  | 'other';
export const ORGANISATION_TYPES: OrganisationType[] = [
  'municipality',
  'vocational_institution',
  'university_of_applied_sciences',
  'employment_services',
  'ohjaamo',
  'ely_centre',
  'third_sector',
  'other',
];
export type ReferenceKind = 'regions' | 'nationalGoals' | 'qualityDimensions' | 'themes' | 'targetGroups';
export const REFERENCE_KINDS: ReferenceKind[] = ['regions', 'nationalGoals', 'qualityDimensions', 'themes', 'targetGroups'];

export interface LocalizedText {
  fi: string;
  sv: string;
  en: string;
}

export interface User {
  id: Id;
  name: string;
  email: string;
  title?: string;
  organisationId?: Id;
  language: Language;
  isAdmin: boolean;
}

export interface Membership {
  workspaceId: Id;
  role: Role;
}

export interface Me extends User {
  notificationEmail: string;
  isNational: boolean;
  version: number;
  memberships: Membership[];
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: Me;
}

export interface SetupState {
  needed: boolean;
}

export interface ReferenceItem {
  id: Id;
  code: string;
  names: LocalizedText;
  archived: boolean;
  order: number;
  version: number;
}

export interface ReferenceData {
  regions: ReferenceItem[];
  nationalGoals: ReferenceItem[];
  qualityDimensions: ReferenceItem[];
  themes: ReferenceItem[];
  targetGroups: ReferenceItem[];
  organisationTypes: OrganisationType[];
}

export interface Organisation {
  id: Id;
  name: string;
  type: OrganisationType;
  regionId: string;
  description: string;
  services: string[];
  website: string;
  version: number;
}

export interface OrganisationDetail extends Organisation {
  people: { id: Id; name: string; title: string }[];
}

export interface OrganisationPage {
  items: Organisation[];
  total: number;
}

export type WorkspaceKind = 'regional' | 'national';

export interface Workspace {
  id: Id;
  name: string;
  kind: WorkspaceKind;
  regionId: string;
  elyCentreId: string;
  description: string;
  memberCount: number;
  myRole?: Role;
  version: number;
}

export interface Member {
  userId: Id;
  name: string;
  email: string;
  title: string;
  organisationId: string;
  organisationName: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: Id;
  workspaceId: Id;
  email: string;
  role: Role;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: Role;
  invitedBy?: string;
  expiresAt: string;
  accountExists: boolean;
}

export interface Activity {
  seq: number;
  workspaceId: Id;
  actorId: string;
  actorName: string;
  verb: string;
  subject: string;
  detail?: string;
  at: string;
}

export interface ActivityPage {
  items: Activity[];
  nextBefore?: number;
}

export type DocumentKind = 'strategy' | 'action_plan' | 'situation';
export const DOCUMENT_KINDS: DocumentKind[] = ['action_plan', 'strategy', 'situation'];
export type DocumentStatus = 'draft' | 'approved' | 'followed_up' | 'closed';

export interface DocumentSummary {
  id: Id;
  workspaceId: Id;
  kind: DocumentKind;
  title: string;
  period: string;
  status: DocumentStatus;
  revision: number;
  archived: boolean;
  updatedAt: string;
  canEdit: boolean;
  canApprove?: boolean;
}

/** A document with its nodes (see client/src/coedit/model.ts for their shape). */
export interface LiveDocumentData extends DocumentSummary {
  nodes: Record<string, import('../coedit/model').DocNode>;
}

export interface DocumentInput {
  kind: DocumentKind;
  title: string;
  period?: string;
  copyFrom?: Id;
}

export interface DocumentUpdate {
  title?: string;
  period?: string;
  archived?: boolean;
}
