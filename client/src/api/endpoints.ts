// One function per operation of shared/api/openapi.yaml that the client uses.
import { api } from './client';
import type {
  ActivityPage,
  DocumentInput,
  DocumentStatus,
  DocumentSummary,
  DocumentUpdate,
  Invitation,
  InvitationPreview,
  Language,
  LiveDocumentData,
  LocalizedText,
  Me,
  Member,
  Organisation,
  OrganisationDetail,
  OrganisationPage,
  OrganisationType,
  ReferenceData,
  ReferenceItem,
  ReferenceKind,
  Role,
  Session,
  SetupState,
  User,
  Workspace,
  WorkspaceKind,
} from './types';

const enc = encodeURIComponent;

export const getSetup = () => api<SetupState>('/setup', { noRefresh: true });
export const completeSetup = (body: { token: string; name: string; email: string; password: string; language?: Language }) =>
  api<Session>('/setup', { method: 'POST', body, noRefresh: true });

export const login = (body: { email: string; password: string }) =>
  api<Session>('/auth/login', { method: 'POST', body, noRefresh: true });
export const logout = () => api<void>('/auth/logout', { method: 'POST', noRefresh: true });
export const requestPasswordReset = (email: string) =>
  api<void>('/auth/password-reset', { method: 'POST', body: { email }, noRefresh: true });
export const confirmPasswordReset = (token: string, password: string) =>
  api<void>('/auth/password-reset/confirm', { method: 'POST', body: { token, password }, noRefresh: true });

export const getMe = () => api<Me>('/me');
export interface ProfileUpdate {
  name?: string;
  title?: string;
  organisationId?: string;
  language?: Language;
  notificationEmail?: string;
}
export const updateMe = (body: ProfileUpdate) => api<Me>('/me', { method: 'PATCH', body });
export const changePassword = (currentPassword: string, newPassword: string) =>
  api<void>('/me/password', { method: 'POST', body: { currentPassword, newPassword } });

export const listUsers = () => api<User[]>('/users');
export const revokeUserSessions = (id: string) => api<void>(`/users/${enc(id)}/revoke-sessions`, { method: 'POST' });

export const getReference = () => api<ReferenceData>('/reference');
export const createReferenceItem = (kind: ReferenceKind, body: { code: string; names: LocalizedText; order?: number }) =>
  api<ReferenceItem>(`/reference/${kind}`, { method: 'POST', body });
export const updateReferenceItem = (
  kind: ReferenceKind,
  id: string,
  body: { names?: LocalizedText; archived?: boolean; order?: number; version: number },
) => api<ReferenceItem>(`/reference/${kind}/${enc(id)}`, { method: 'PATCH', body });

export interface OrganisationQuery {
  q?: string;
  type?: OrganisationType | '';
  regionId?: string;
  limit?: number;
  offset?: number;
}
export const listOrganisations = (query: OrganisationQuery) =>
  api<OrganisationPage>('/organisations', { query: { ...query } });
export const getOrganisation = (id: string) => api<OrganisationDetail>(`/organisations/${enc(id)}`);
export interface OrganisationUpdate {
  name?: string;
  type?: OrganisationType;
  regionId?: string;
  description?: string;
  services?: string[];
  website?: string;
  version: number;
}
export const updateOrganisation = (id: string, body: OrganisationUpdate) =>
  api<Organisation>(`/organisations/${enc(id)}`, { method: 'PATCH', body });

export const listWorkspaces = () => api<Workspace[]>('/workspaces');
export const createWorkspace = (body: { name: string; kind: WorkspaceKind; regionId?: string; description?: string }) =>
  api<Workspace>('/workspaces', { method: 'POST', body });
export const getWorkspace = (id: string) => api<Workspace>(`/workspaces/${enc(id)}`);
export const listMembers = (id: string) => api<Member[]>(`/workspaces/${enc(id)}/members`);
export const changeMemberRole = (id: string, userId: string, role: Role) =>
  api<Member>(`/workspaces/${enc(id)}/members/${enc(userId)}`, { method: 'PATCH', body: { role } });
export const removeMember = (id: string, userId: string) =>
  api<void>(`/workspaces/${enc(id)}/members/${enc(userId)}`, { method: 'DELETE' });
export const listInvitations = (id: string) => api<Invitation[]>(`/workspaces/${enc(id)}/invitations`);
export const createInvitation = (id: string, body: { email: string; role: Role; message?: string }) =>
  api<Invitation>(`/workspaces/${enc(id)}/invitations`, { method: 'POST', body });
export const revokeInvitation = (id: string, invitationId: string) =>
  api<void>(`/workspaces/${enc(id)}/invitations/${enc(invitationId)}`, { method: 'DELETE' });
export const resendInvitation = (id: string, invitationId: string) =>
  api<Invitation>(`/workspaces/${enc(id)}/invitations/${enc(invitationId)}/resend`, { method: 'POST' });
export const listActivity = (id: string, before?: number, limit = 30) =>
  api<ActivityPage>(`/workspaces/${enc(id)}/activity`, { query: { before, limit } });

export const getInvitation = (token: string) => api<InvitationPreview>(`/invitations/${enc(token)}`, { noRefresh: true });
export const acceptInvitation = (token: string, body: { name?: string; password?: string; language?: Language }) =>
  api<Session>(`/invitations/${enc(token)}/accept`, { method: 'POST', body });

export const listDocuments = (workspaceId: string) => api<DocumentSummary[]>(`/workspaces/${enc(workspaceId)}/documents`);
export const createDocument = (workspaceId: string, body: DocumentInput) =>
  api<DocumentSummary>(`/workspaces/${enc(workspaceId)}/documents`, { method: 'POST', body });
export const getDocument = (id: string) => api<LiveDocumentData>(`/documents/${enc(id)}`);
export const updateDocument = (id: string, body: DocumentUpdate) =>
  api<DocumentSummary>(`/documents/${enc(id)}`, { method: 'PATCH', body });
export const changeDocumentStatus = (id: string, status: DocumentStatus) =>
  api<DocumentSummary>(`/documents/${enc(id)}/status`, { method: 'POST', body: { status } });
