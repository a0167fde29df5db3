import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Link as RRLink, useLocation, useNavigate } from 'react-router';
import { Button, LanguageMenu, LanguageMenuItem, RouterLink, SkipLink, Text } from 'suomifi-ui-components';
import { useAuth } from '../auth/AuthContext';
import { LANGUAGES, type Language } from '../api/types';
import { useLang } from './common';
import { NotificationsBell } from '../notifications/Bell';
import { SearchBox } from '../search/SearchBox';

const LANGUAGE_NAMES: Record<Language, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

function LanguageSwitcher() {
  const { t } = useTranslation();
  const { changeLanguage } = useAuth();
  const lang = useLang();
  const current = `${LANGUAGE_NAMES[lang]} (${lang.toUpperCase()})`;
  return (
    <LanguageMenu
      buttonText={current}
      // The accessible name contains the visible text (WCAG 2.5.3), so speech users can say it.
      aria-label={t('language.menuLabel', { language: current })}
      className="language-menu"
    >
      {LANGUAGES.map((l) => (
        <LanguageMenuItem key={l} lang={l} selected={l === lang} onSelect={() => void changeLanguage(l)}>
          {`${LANGUAGE_NAMES[l]} (${l.toUpperCase()})`}
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const { user, status } = useAuth();
  if (!user && status === 'loading') return null;
  // Signed out: the public pages.
  const items: { to: string; label: string; end?: boolean }[] = [];
  if (user) {
    items.push({ to: '/', label: t('nav.workspaces'), end: true }, { to: '/organisations', label: t('nav.organisations') });
    // The national view: the national group and administrators see every region, members of
    // regional groups their own against the national totals.
    if (user.isAdmin || user.isNational || user.memberships.length > 0) {
      items.push({ to: '/national', label: t('national.nav') });
    }
    if (user.isAdmin) {
      items.push({ to: '/admin/reference', label: t('nav.admin') });
      items.push({ to: '/admin/users', label: t('nav.users') });
    }
  }
  if (user) items.push({ to: '/forums', label: t('forums.nav') });
  items.push({ to: '/practices', label: t('practices.nav') });
  items.push({ to: '/public', label: t('public.nav') });
  if (user) items.push({ to: '/profile', label: t('nav.profile') });
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <RouterLink asComponent={NavLink} to={item.to} end={item.end} className="main-nav-link">
              {item.label}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const firstRender = useRef(true);

  // Move focus to the new page's h1 after client-side navigation (not on the first load).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A page that loads its data first shows its h1 later: then the h1 takes the focus when it
    // appears, unless the person has put the focus somewhere meanwhile (else it stays on the body).
    // Focus the person moved themselves since the navigation (say, into the header's search box)
    // is never taken away.
    const before = document.activeElement;
    const untouched = () => !document.activeElement || document.activeElement === document.body || document.activeElement === before;
    let observer: MutationObserver | null = null;
    const id = window.setTimeout(() => {
      const h1 = document.getElementById('page-heading');
      if (h1) {
        if (untouched()) h1.focus();
        return;
      }
      observer = new MutationObserver(() => {
        const later = document.getElementById('page-heading');
        if (!later) return;
        observer?.disconnect();
        if (untouched()) later.focus();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, 0);
    return () => {
      window.clearTimeout(id);
      observer?.disconnect();
    };
  }, [location.pathname]);

  return (
    <>
      <SkipLink href="#main">{t('nav.skipToContent')}</SkipLink>
      <header className="site-header">
        <div className="site-header-top">
          <RRLink to="/" className="app-name">
            {t('app.name')}
          </RRLink>
          <div className="site-header-tools">
            {user ? (
              <>
                <SearchBox />
                <NotificationsBell userId={user.id} />
                <Text className="signed-in-as">{t('header.signedInAs', { name: user.name })}</Text>
                <Button
                  variant="secondaryNoBorder"
                  onClick={async () => {
                    await signOut();
                    navigate('/login');
                  }}
                >
                  {t('header.signOut')}
                </Button>
              </>
            ) : null}
            <LanguageSwitcher />
          </div>
        </div>
        <MainNav />
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
    </>
  );
}
