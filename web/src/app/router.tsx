import type { ComponentType } from 'react'
import { createBrowserRouter, type RouteObject } from 'react-router'
import { FullPageSpin } from '../ui/FullPageSpin'
import { loadAntdStyles } from './antd-styles'
import { loadAllTexts } from './i18n'
import { prefetchBeside, sessionLoader } from './loaders'
import { queryClient } from './query-client'
import { SignInRoute } from './SignInRoute'

// The sign-in page carries only its own texts; every other page waits for all of them too.
function withTexts(lazy: () => Promise<{ Component: ComponentType }>) {
  return async () => (await Promise.all([lazy(), loadAllTexts()]))[0]
}

// Every route but the login page is loaded on demand, with antd's whole stylesheet: the shell
// brings the styles of its own components and the case queue's only (AppShell).
function page(
  permission: string | null,
  load: () => Promise<ComponentType>,
  styles: () => Promise<unknown> = loadAntdStyles,
): RouteObject['lazy'] {
  return async () => {
    const [{ RequirePermission }, Page] = await Promise.all([
      import('./auth/RequirePermission'),
      load(),
      styles(),
    ])
    if (!permission) return { Component: Page }
    return {
      Component: () => (
        <RequirePermission permission={permission}>
          <Page />
        </RequirePermission>
      ),
    }
  }
}

const routes: RouteObject[] = [
  { path: '/login', Component: SignInRoute },
  // 门岗核验: a phone at the gate, without the console around it (security scans the slip's QR).
  {
    path: '/gate/release/:id',
    HydrateFallback: FullPageSpin,
    lazy: withTexts(async () => ({
      Component: (await import('../features/cases/ReleaseGatePage')).ReleaseGatePage,
    })),
  },
  // 出入证核验: security scans a worker's pass card (施工人员出入证) at the gate.
  {
    path: '/gate/pass/:id',
    HydrateFallback: FullPageSpin,
    lazy: withTexts(async () => ({
      Component: (await import('../features/fit-out/PassGatePage')).PassGatePage,
    })),
  },
  // 装修巡查: recorded on a phone walking the works, without the console around it.
  {
    path: '/cases/:id/patrol',
    HydrateFallback: FullPageSpin,
    lazy: withTexts(async () => ({
      Component: (await import('../features/fit-out/PatrolPage')).PatrolPage,
    })),
  },
  {
    path: '/',
    HydrateFallback: FullPageSpin,
    loader: sessionLoader,
    // The user is in the query cache, which keeps it current; nothing to load again.
    shouldRevalidate: () => false,
    lazy: withTexts(async () => ({ Component: (await import('./layout/AppShell')).AppShell })),
    children: [
      {
        index: true,
        lazy: page(
          null,
          async () => (await import('./layout/AppShell')).HomeRedirect,
          async () => undefined, // it only redirects
        ),
      },
      {
        path: 'dashboard',
        lazy: page(
          'case.read_all',
          async () => (await import('../features/dashboard/DashboardPage')).DashboardPage,
        ),
      },
      {
        path: 'units',
        lazy: page('unit.read', async () => (await import('../features/org/UnitsPage')).UnitsPage),
      },
      {
        path: 'customers',
        lazy: page(
          'customer.read',
          async () => (await import('../features/customers/CustomersPage')).CustomersPage,
        ),
      },
      {
        path: 'customers/:id',
        lazy: page(
          'customer.read',
          async () => (await import('../features/customers/CustomerDetailPage')).CustomerDetailPage,
        ),
      },
      {
        path: 'cases',
        loader: prefetchBeside(
          async (url) =>
            (await import('../features/cases/queue-loader')).prefetchQueue(queryClient, url),
          () => import('../features/cases/CaseQueuePage'),
        ),
        // A new filter is the page's own query (shown at once, with the rows it had meanwhile).
        shouldRevalidate: () => false,
        lazy: page(
          'case.read',
          async () => (await import('../features/cases/CaseQueuePage')).CaseQueuePage,
          async () => undefined, // its components' styles come with the shell
        ),
      },
      {
        path: 'cases/new',
        lazy: page(
          'case.create',
          async () => (await import('../features/cases/CaseIntakePage')).CaseIntakePage,
        ),
      },
      {
        path: 'cases/moves',
        lazy: page(
          'case.read_all',
          async () => (await import('../features/cases/MoveCalendarPage')).MoveCalendarPage,
        ),
      },
      {
        path: 'fit-outs',
        lazy: page(
          'case.read',
          async () => (await import('../features/fit-out/FitOutBoardPage')).FitOutBoardPage,
        ),
      },
      {
        path: 'cases/follow-ups',
        lazy: page(
          'case.follow_up',
          async () => (await import('../features/cases/FollowUpsPage')).FollowUpsPage,
        ),
      },
      {
        path: 'cases/:id',
        lazy: page(
          'case.read',
          async () => (await import('../features/cases/CaseDetailPage')).CaseDetailPage,
        ),
      },
      {
        path: 'cases/:id/print',
        lazy: page(
          'case.read',
          async () => (await import('../features/cases/CasePrintPage')).CasePrintPage,
        ),
      },
      {
        path: 'cases/:id/passes/print',
        lazy: page(
          'case.read',
          async () => (await import('../features/fit-out/PassCardsPrintPage')).PassCardsPrintPage,
        ),
      },
      {
        path: 'cases/:id/permit',
        lazy: page(
          'case.read',
          async () => (await import('../features/fit-out/PermitPrintPage')).PermitPrintPage,
        ),
      },
      {
        path: 'cases/:id/settlement',
        lazy: page(
          'billing.read',
          async () => (await import('../features/cases/SettlementPrintPage')).SettlementPrintPage,
        ),
      },
      {
        path: 'admin/users',
        lazy: page(
          'user.manage',
          async () => (await import('../features/identity/UsersPage')).UsersPage,
        ),
      },
      {
        path: 'admin/roles',
        lazy: page(
          'role.manage',
          async () => (await import('../features/identity/RolesPage')).RolesPage,
        ),
      },
      {
        path: 'audit',
        lazy: page(
          'audit.read',
          async () => (await import('../features/audit/AuditPage')).AuditPage,
        ),
      },
      {
        path: 'billing/bills',
        lazy: page(
          'billing.read',
          async () => (await import('../features/billing/BillsPage')).BillsPage,
        ),
      },
      {
        path: 'billing/payments',
        lazy: page(
          'billing.read',
          async () => (await import('../features/billing/PaymentsPage')).PaymentsPage,
        ),
      },
      {
        path: 'billing/arrears',
        lazy: page(
          'billing.read',
          async () => (await import('../features/billing/ArrearsPage')).ArrearsPage,
        ),
      },
      {
        path: 'billing/deposits',
        lazy: page(
          'billing.read',
          async () => (await import('../features/billing/DepositsPage')).DepositsPage,
        ),
      },
      {
        path: 'billing/collection-rate',
        lazy: page(
          'billing.read',
          async () => (await import('../features/billing/CollectionRatePage')).CollectionRatePage,
        ),
      },
      {
        path: 'billing/customers/:id',
        lazy: page(
          'billing.read',
          async () => (await import('../features/billing/StatementPage')).StatementPage,
        ),
      },
      {
        path: 'billing/reminders/:id/print',
        lazy: page(
          'billing.read',
          async () => (await import('../features/billing/ReminderPrintPage')).ReminderPrintPage,
        ),
      },
      {
        path: 'billing/settings',
        lazy: page(
          'billing.configure',
          async () => (await import('../features/billing/ChargeSettingsPage')).ChargeSettingsPage,
        ),
      },
      {
        path: 'settings/deadlines',
        lazy: page(
          'case.configure',
          async () =>
            (await import('../features/settings/DeadlineSettingsPage')).DeadlineSettingsPage,
        ),
      },
      { path: '*', lazy: page(null, async () => (await import('./NotFoundPage')).NotFoundPage) },
    ],
  },
]

export const router = createBrowserRouter(routes)
