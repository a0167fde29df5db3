import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { Layout } from './components/Layout';
import { Loading } from './components/common';
import { SetupPage } from './pages/SetupPage';
import { LoginPage } from './pages/LoginPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { UnsubscribePage } from './pages/UnsubscribePage';
import { InvitationPage } from './pages/InvitationPage';
import { WorkspacesPage } from './pages/WorkspacesPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { DocumentPage } from './pages/DocumentPage';
import { PrintPage } from './pages/PrintPage';
import { MembersPage } from './pages/MembersPage';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { OrganisationPage } from './pages/OrganisationPage';
import { ReferenceAdminPage } from './pages/ReferenceAdminPage';
import { UsersAdminPage } from './pages/UsersAdminPage';
import { ProfilePage } from './pages/ProfilePage';
import { NationalPage } from './pages/NationalPage';
import { NationalCellPage } from './pages/NationalCellPage';
import { NationalComparePage } from './pages/NationalComparePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ForumsPage } from './pages/ForumsPage';
import { ForumPage } from './pages/ForumPage';
import { ForumThreadPage } from './pages/ForumThreadPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { SearchPage } from './pages/SearchPage';
import { PracticesPage } from './pages/PracticesPage';
import { PracticePage } from './pages/PracticePage';
import { PracticeEditPage } from './pages/PracticeEditPage';
import { PublicRegionsPage } from './pages/PublicRegionsPage';
import { PublicRegionPage } from './pages/PublicRegionPage';
import { PublicDocumentPage } from './pages/PublicDocumentPage';
import { PublicPracticePage } from './pages/PublicPracticePage';

/** Signed-in pages: wait for the session restore, then send strangers to sign-in. */
function RequireAuth({ children, admin }: { children: ReactNode; admin?: boolean }) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'signedOut' || !user) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (admin && !user.isAdmin) return <NotFoundPage />;
  return <>{children}</>;
}

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/unsubscribe" element={<UnsubscribePage />} />
        <Route path="/invitations/:token" element={<InvitationPage />} />
        <Route path="/public" element={<PublicRegionsPage />} />
        <Route path="/public/regions/:regionId" element={<PublicRegionPage />} />
        <Route path="/public/documents/:documentId" element={<PublicDocumentPage />} />
        <Route path="/public/practices/:practiceId" element={<PublicPracticePage />} />
        <Route path="/" element={<RequireAuth><WorkspacesPage /></RequireAuth>} />
        <Route path="/workspaces/:id" element={<RequireAuth><WorkspacePage /></RequireAuth>} />
        <Route path="/workspaces/:workspaceId/documents/:documentId" element={<RequireAuth><DocumentPage /></RequireAuth>} />
        <Route path="/workspaces/:workspaceId/documents/:documentId/print" element={<RequireAuth><PrintPage /></RequireAuth>} />
        <Route path="/workspaces/:id/members" element={<RequireAuth><MembersPage /></RequireAuth>} />
        <Route path="/organisations" element={<RequireAuth><OrganisationsPage /></RequireAuth>} />
        <Route path="/organisations/:id" element={<RequireAuth><OrganisationPage /></RequireAuth>} />
        <Route path="/admin/reference" element={<RequireAuth admin><ReferenceAdminPage /></RequireAuth>} />
        <Route path="/admin/users" element={<RequireAuth admin><UsersAdminPage /></RequireAuth>} />
        <Route path="/profile" element={<RequireAuth><ProfilePage /></RequireAuth>} />
        <Route path="/national" element={<RequireAuth><NationalPage /></RequireAuth>} />
        <Route path="/national/cell" element={<RequireAuth><NationalCellPage /></RequireAuth>} />
        <Route path="/national/compare" element={<RequireAuth><NationalComparePage /></RequireAuth>} />
        <Route path="/notifications" element={<RequireAuth><NotificationsPage /></RequireAuth>} />
        <Route path="/search" element={<RequireAuth><SearchPage /></RequireAuth>} />
        <Route path="/forums" element={<RequireAuth><ForumsPage /></RequireAuth>} />
        <Route path="/forums/:forumId" element={<RequireAuth><ForumPage /></RequireAuth>} />
        <Route path="/threads/:threadId" element={<RequireAuth><ForumThreadPage /></RequireAuth>} />
        <Route path="/practices" element={<PracticesPage />} />
        <Route path="/practices/new" element={<RequireAuth><PracticeEditPage /></RequireAuth>} />
        <Route path="/practices/:id" element={<PracticePage />} />
        <Route path="/practices/:id/edit" element={<RequireAuth><PracticeEditPage key="edit" /></RequireAuth>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
