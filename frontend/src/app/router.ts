import { nextTick } from 'vue'
import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteLocationRaw,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router'
import type { Role } from '@/features/account/api'
import { auth } from '@/lib/auth-store'
import { setPageTitle } from '@/lib/page-title'
import { captureRef } from '@/lib/referral'
import { homeFor } from '@/lib/role-home'
import { safeNext } from '@/lib/safe-next'
import { i18n, loadAllMessages, loadLaterMessages } from './i18n'
import type { GuideSlug } from '@/features/help/guides'

declare module 'vue-router' {
  interface RouteMeta {
    /** Key in locales/ of the page's title (document.title). */
    titleKey: string
    /** Only for logged-in users: others are sent to the login page. */
    requiresAuth?: boolean
    /** Only for these roles (implies requiresAuth). */
    roles?: Role[]
    /** Login and registration: a logged-in user goes to their role's home (or ?next=) instead. */
    guestOnly?: boolean
    /** A change of the query only (such as the challenge page's ?tab=) keeps the scroll position. */
    queryKeepsScroll?: boolean
    /** The page's guide ("Butuh bantuan? Lihat panduan"), shown by the layout above the page. */
    guide?: GuideSlug
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('@/features/home/pages/HomePage.vue'),
    meta: { titleKey: 'title.home' },
  },
  {
    path: '/masuk',
    name: 'login',
    component: () => import('@/features/account/pages/LoginPage.vue'),
    meta: { titleKey: 'title.login', guestOnly: true },
  },
  {
    path: '/daftar',
    name: 'register',
    component: () => import('@/features/account/pages/RegisterPage.vue'),
    meta: { titleKey: 'title.register', guestOnly: true },
  },
  {
    path: '/akun',
    name: 'account',
    component: () => import('@/features/account/pages/AccountPage.vue'),
    meta: { titleKey: 'title.account', requiresAuth: true },
  },
  {
    path: '/admin/pengguna',
    name: 'users',
    component: () => import('@/features/account/pages/UsersPage.vue'),
    meta: { titleKey: 'title.users', requiresAuth: true, roles: ['ADMIN'] },
  },
  {
    path: '/acara',
    name: 'events',
    component: () => import('@/features/events/catalogue/pages/EventsPage.vue'),
    meta: { titleKey: 'title.events', guide: 'daftar-acara' },
  },
  {
    path: '/acara/:id(\\d+)',
    name: 'event',
    component: () => import('@/features/events/catalogue/pages/EventPage.vue'),
    meta: { titleKey: 'title.event', guide: 'daftar-acara' },
  },
  {
    // The manage link the backend e-mails. `/acara/:id` takes digits only, so it never matches this address.
    path: '/acara/pendaftaran/:token',
    name: 'registration',
    component: () => import('@/features/events/registration/pages/ManageRegistrationPage.vue'),
    meta: { titleKey: 'title.registration' },
  },
  {
    // A survey's public page (issue 20): the staff QR code and share links point here; ?token= (a registration's
    // manage token), ?acara= (an event) and ?tantangan= (a challenge) say where it was opened.
    path: '/survei/:id(\\d+)',
    name: 'survey-answer',
    component: () => import('@/features/surveys/answer/pages/SurveyAnswerPage.vue'),
    meta: { titleKey: 'surveys.answer.pageTitle' },
  },
  {
    // The older, shorter address of the same page.
    path: '/pendaftaran/:token',
    redirect: (to) => ({ name: 'registration', params: { token: to.params.token }, query: to.query, hash: to.hash }),
  },
  {
    path: '/staf/acara',
    name: 'staff-events',
    component: () => import('@/features/events/catalogue/pages/staff/StaffEventsPage.vue'),
    meta: { titleKey: 'title.staffEvents', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/acara/baru',
    name: 'staff-event-new',
    component: () => import('@/features/events/catalogue/pages/staff/EventFormPage.vue'),
    meta: { titleKey: 'title.staffEventNew', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/acara/:id(\\d+)/ubah',
    name: 'staff-event-edit',
    component: () => import('@/features/events/catalogue/pages/staff/EventFormPage.vue'),
    meta: { titleKey: 'title.staffEventEdit', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/acara/seri-baru',
    name: 'staff-series-new',
    component: () => import('@/features/events/series/pages/staff/SeriesFormPage.vue'),
    meta: { titleKey: 'title.staffSeriesNew', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/acara/:id(\\d+)/pindahkan',
    name: 'staff-move-registrants',
    component: () => import('@/features/events/series/pages/staff/MoveRegistrantsPage.vue'),
    meta: { titleKey: 'title.staffMoveRegistrants', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/acara/:id(\\d+)/pendaftar',
    name: 'staff-registrants',
    component: () => import('@/features/events/registration/pages/staff/RegistrantsPage.vue'),
    meta: { titleKey: 'title.staffRegistrants', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/acara/:id(\\d+)/hadir',
    name: 'staff-check-in',
    component: () => import('@/features/events/checkin/pages/staff/CheckInPage.vue'),
    meta: { titleKey: 'title.staffCheckIn', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/acara/:id(\\d+)/tanya-jawab',
    name: 'staff-questions',
    component: () => import('@/features/events/questions/pages/staff/QuestionsPage.vue'),
    meta: { titleKey: 'qa.title.moderation', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/akun/verifikasi/:token',
    name: 'verify-email',
    component: () => import('@/features/account/pages/VerifyEmailPage.vue'),
    meta: { titleKey: 'title.verifyEmail' },
  },
  {
    path: '/persetujuan/:token',
    name: 'guardian-consent',
    component: () => import('@/features/account/pages/GuardianConsentPage.vue'),
    meta: { titleKey: 'title.guardianConsent' },
  },
  {
    path: '/tantangan',
    name: 'challenges',
    component: () => import('@/features/challenges/catalogue/pages/ChallengesPage.vue'),
    meta: { titleKey: 'title.challenges', guide: 'tantangan-membaca' },
  },
  {
    path: '/tantangan/:id(\\d+)',
    name: 'challenge',
    component: () => import('@/features/challenges/participation/pages/ChallengePage.vue'),
    meta: { titleKey: 'title.challenge', queryKeepsScroll: true, guide: 'tantangan-membaca' },
  },
  {
    path: '/tantangan/:id(\\d+)/saya',
    name: 'challenge-mine',
    component: () => import('@/features/challenges/participation/pages/MyChallengePage.vue'),
    meta: { titleKey: 'title.challengeMine', requiresAuth: true },
  },
  {
    path: '/staf/tantangan',
    name: 'staff-challenges',
    component: () => import('@/features/challenges/catalogue/pages/staff/StaffChallengesPage.vue'),
    meta: { titleKey: 'title.staffChallenges', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/tantangan/baru',
    name: 'staff-challenge-new',
    component: () => import('@/features/challenges/catalogue/pages/staff/ChallengeFormPage.vue'),
    meta: { titleKey: 'title.staffChallengeNew', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/tantangan/:id(\\d+)/ubah',
    name: 'staff-challenge-edit',
    component: () => import('@/features/challenges/catalogue/pages/staff/ChallengeFormPage.vue'),
    meta: { titleKey: 'title.staffChallengeEdit', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/tantangan/:id(\\d+)/tinjau',
    name: 'staff-challenge-review',
    component: () => import('@/features/challenges/participation/pages/staff/ChallengeReviewPage.vue'),
    meta: { titleKey: 'title.staffChallengeReview', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/ulasan',
    name: 'staff-reviews',
    component: () => import('@/features/challenges/participation/pages/staff/SharedReviewsPage.vue'),
    meta: { titleKey: 'title.staffReviews', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  // Content (campaigns): the calendar, posts and their review, campaigns. Roles follow the API's @RolesAllowed:
  // reviewers read everything and review; only staff and admins write.
  {
    path: '/staf/konten',
    name: 'campaigns-calendar',
    component: () => import('@/features/campaigns/calendar/pages/CalendarPage.vue'),
    meta: { titleKey: 'campaigns.titles.calendar', requiresAuth: true, roles: ['STAFF', 'REVIEWER', 'ADMIN'], guide: 'kampanye-pertama' },
  },
  {
    path: '/staf/konten/pos',
    name: 'campaigns-posts',
    component: () => import('@/features/campaigns/posts/pages/PostsPage.vue'),
    meta: { titleKey: 'campaigns.titles.posts', requiresAuth: true, roles: ['STAFF', 'REVIEWER', 'ADMIN'] },
  },
  {
    path: '/staf/konten/pos/baru',
    name: 'campaigns-post-new',
    component: () => import('@/features/campaigns/posts/pages/PostEditorPage.vue'),
    meta: { titleKey: 'campaigns.titles.postNew', requiresAuth: true, roles: ['STAFF', 'ADMIN'], guide: 'kampanye-pertama' },
  },
  {
    path: '/staf/konten/pos/:id(\\d+)/ubah',
    name: 'campaigns-post-edit',
    component: () => import('@/features/campaigns/posts/pages/PostEditorPage.vue'),
    meta: { titleKey: 'campaigns.titles.postEdit', requiresAuth: true, roles: ['STAFF', 'REVIEWER', 'ADMIN'] },
  },
  {
    path: '/staf/konten/tinjauan',
    name: 'campaigns-review',
    component: () => import('@/features/campaigns/posts/pages/ReviewQueuePage.vue'),
    meta: { titleKey: 'campaigns.titles.review', requiresAuth: true, roles: ['STAFF', 'REVIEWER', 'ADMIN'] },
  },
  {
    // The staff inbox (issue 18): messages and comments from every connected channel.
    path: '/staf/percakapan',
    name: 'conversations',
    component: () => import('@/features/conversations/pages/ConversationsPage.vue'),
    meta: { titleKey: 'conversations.title', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/percakapan/balasan-tersimpan',
    name: 'conversations-saved-replies',
    component: () => import('@/features/conversations/pages/SavedRepliesPage.vue'),
    meta: { titleKey: 'conversations.savedReplies.title', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/percakapan/waktu-respons',
    name: 'conversations-response-times',
    component: () => import('@/features/conversations/pages/ResponseTimesPage.vue'),
    meta: { titleKey: 'conversations.report.title', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    // Tanya Perpustakaan (issue 19): the knowledge base the assistant answers from, and what it could not answer.
    path: '/staf/tanya-perpustakaan',
    name: 'assistant-entries',
    component: () => import('@/features/assistant/pages/FaqEntriesPage.vue'),
    meta: { titleKey: 'assistant.staff.title', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/tanya-perpustakaan/baru',
    name: 'assistant-entry-new',
    component: () => import('@/features/assistant/pages/FaqEntryPage.vue'),
    meta: { titleKey: 'assistant.staff.form.newTitle', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/tanya-perpustakaan/:id(\\d+)/ubah',
    name: 'assistant-entry-edit',
    component: () => import('@/features/assistant/pages/FaqEntryPage.vue'),
    meta: { titleKey: 'assistant.staff.form.editTitle', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/tanya-perpustakaan/belum-terjawab',
    name: 'assistant-unanswered',
    component: () => import('@/features/assistant/pages/UnansweredPage.vue'),
    meta: { titleKey: 'assistant.staff.unanswered.title', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    // The notification centre (issue 15): every notification of the signed-in member of staff, and e-mail preferences.
    path: '/staf/notifikasi',
    name: 'notifications',
    component: () => import('@/features/notifications/pages/NotificationsPage.vue'),
    meta: { titleKey: 'notifications.title.page', requiresAuth: true, roles: ['STAFF', 'REVIEWER', 'ADMIN'] },
  },
  {
    path: '/staf/konten/kampanye',
    name: 'campaigns-campaigns',
    component: () => import('@/features/campaigns/pages/CampaignsPage.vue'),
    meta: { titleKey: 'campaigns.titles.campaigns', requiresAuth: true, roles: ['STAFF', 'REVIEWER', 'ADMIN'], guide: 'kampanye-pertama' },
  },
  {
    path: '/staf/konten/kampanye/baru',
    name: 'campaigns-campaign-new',
    component: () => import('@/features/campaigns/pages/CampaignFormPage.vue'),
    meta: { titleKey: 'campaigns.titles.campaignNew', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/konten/kampanye/:id(\\d+)/ubah',
    name: 'campaigns-campaign-edit',
    component: () => import('@/features/campaigns/pages/CampaignFormPage.vue'),
    meta: { titleKey: 'campaigns.titles.campaignEdit', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    // Issue 20: a survey's results (charts, text answers, before/after a challenge, exports).
    path: '/staf/survei/:id(\\d+)/hasil',
    name: 'survey-results',
    component: () => import('@/features/surveys/results/pages/SurveyResultsPage.vue'),
    meta: { titleKey: 'surveys.results.title', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/konten/dasbor',
    name: 'campaigns-dashboard',
    component: () => import('@/features/campaigns/analytics/pages/DashboardPage.vue'),
    meta: { titleKey: 'campaigns.analytics.title.dashboard', requiresAuth: true, roles: ['STAFF', 'REVIEWER', 'ADMIN'] },
  },
  // Partners (issue 22): local partners, their tracked links with QR codes, and their funnel.
  {
    path: '/staf/mitra',
    name: 'campaigns-partners',
    component: () => import('@/features/campaigns/partners/pages/PartnersPage.vue'),
    meta: { titleKey: 'campaigns.partners.title.list', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/mitra/:id(\\d+)',
    name: 'campaigns-partner',
    component: () => import('@/features/campaigns/partners/pages/PartnerPage.vue'),
    meta: { titleKey: 'campaigns.partners.title.page', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/akun-sosial',
    name: 'social-accounts',
    component: () => import('@/features/social/pages/SocialAccountsPage.vue'),
    meta: { titleKey: 'social.title.accounts', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    // Facebook Login and X send staff back here with ?code=…&state=… (the OAuth redirect URI registered with them).
    path: '/staf/akun-sosial/sambung',
    name: 'social-callback',
    component: () => import('@/features/social/pages/SocialCallbackPage.vue'),
    meta: { titleKey: 'social.title.callback', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/konten/impor',
    name: 'campaigns-import',
    component: () => import('@/features/campaigns/analytics/pages/ImportPage.vue'),
    meta: { titleKey: 'campaigns.analytics.title.import', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/media',
    name: 'media-library',
    component: () => import('@/features/media/pages/MediaLibraryPage.vue'),
    meta: { titleKey: 'media.title', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  // Surveys (issue 20): the staff's list and the builder.
  {
    path: '/staf/survei',
    name: 'surveys-builder-list',
    component: () => import('@/features/surveys/builder/pages/SurveysPage.vue'),
    meta: { titleKey: 'surveys.builder.title.list', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/survei/baru',
    name: 'surveys-builder-new',
    component: () => import('@/features/surveys/builder/pages/SurveyEditorPage.vue'),
    meta: { titleKey: 'surveys.builder.title.new', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/staf/survei/:id(\\d+)',
    name: 'surveys-builder-edit',
    component: () => import('@/features/surveys/builder/pages/SurveyEditorPage.vue'),
    meta: { titleKey: 'surveys.builder.title.edit', requiresAuth: true, roles: ['STAFF', 'ADMIN'] },
  },
  {
    path: '/panduan/:guide(daftar-acara|tantangan-membaca|kampanye-pertama)',
    name: 'guide',
    component: () => import('@/features/help/pages/GuidePage.vue'),
    meta: { titleKey: 'help.kicker' },
  },
  // Both catch-alls match any path; a path resolves to the first. The guard sends a wrong-role visit to
  // 'forbidden' by name, which keeps the address the user asked for.
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { titleKey: 'title.notFound' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'forbidden',
    component: () => import('./pages/ForbiddenPage.vue'),
    meta: { titleKey: 'title.forbidden' },
  },
]

export function loginLocation(target: RouteLocationNormalized | string): RouteLocationRaw {
  const next = typeof target === 'string' ? target : target.fullPath
  return { name: 'login', query: { next } }
}

/** Where a navigation may go, given who is logged in. */
export async function guard(to: RouteLocationNormalized): Promise<RouteLocationRaw | true> {
  const needsLogin = to.meta.requiresAuth || (to.meta.roles?.length ?? 0) > 0
  if (needsLogin && !auth.isLoggedIn.value) return loginLocation(to)
  if (to.meta.roles?.length) {
    let user = null
    try {
      user = await auth.ensureCurrentUser()
    } catch {
      // The server could not be reached: let the page load and show its own error.
      return true
    }
    if (!user) return loginLocation(to)
    if (!user.role || !to.meta.roles.includes(user.role)) {
      return {
        name: 'forbidden',
        params: { pathMatch: to.path.substring(1).split('/') },
        query: to.query,
        hash: to.hash,
        replace: true,
      }
    }
  }
  if (to.meta.guestOnly && auth.isLoggedIn.value) return safeNext(to.query.next, homeFor(auth.role.value))
  return true
}

export function updateTitle(route: RouteLocationNormalized): void {
  const t = i18n.global.t
  setPageTitle(t(route.meta.titleKey ?? 'title.home'), t)
}

/** The pages a patron reaches without an account: they need no staff messages (app/message-sections.ts). */
const PUBLIC_PAGES = new Set(['home', 'events', 'event', 'registration', 'login', 'register', 'not-found', 'survey-answer'])
/** The public pages whose messages ship with the app (the first part); the other public pages load the later part. */
const FIRST_PAGES = new Set(['home', 'event', 'survey-answer'])

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved
      if (to.meta.queryKeepsScroll && to.path === from.path && !to.hash) return false
      if (to.hash) return { el: to.hash }
      return { top: 0 }
    },
  })

  // Issue 22: a tracked link's ?ref= on an event or a challenge is kept for the registration or the join, and taken
  // out of the address (lib/referral.ts).
  router.beforeEach((to) => captureRef(to) ?? true)
  router.beforeEach((to) => guard(to))
  // The home and event pages' messages ship with the app (B7); the other public pages load the later part, staff
  // pages and signed-in users everything, with the page (started before its guards, awaited before it shows).
  const messagesFor = (to: RouteLocationNormalized): (() => Promise<void>) | null => {
    if (auth.isLoggedIn.value || !PUBLIC_PAGES.has(String(to.name))) return loadAllMessages
    return FIRST_PAGES.has(String(to.name)) ? null : loadLaterMessages
  }
  router.beforeEach((to) => void messagesFor(to)?.().catch(() => {}))
  router.beforeResolve(async (to) => void (await messagesFor(to)?.().catch(() => {})))

  router.afterEach((to, from, failure) => {
    if (failure) return
    updateTitle(to)
    // After an in-app navigation, move focus to the new page's heading so screen readers announce it.
    if (from.matched.length > 0 && to.path !== from.path) {
      void nextTick(() => {
        const heading = document.querySelector<HTMLElement>('main h1')
        if (heading) {
          heading.setAttribute('tabindex', '-1')
          heading.focus({ preventScroll: true })
        }
      })
    }
  })

  return router
}
