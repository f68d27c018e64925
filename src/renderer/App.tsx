import { Button, Center, Loader, MantineProvider, Paper, Stack, Text, Title } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import 'dayjs/locale/zh-cn'
import { HashRouter, Navigate, Route, Routes } from 'react-router'
import { AppStateProvider, useAppState } from './app/app-state'
import { ErrorBoundary } from './components/ErrorBoundary'
import { LockScreen } from './features/auth/LockScreen'
import { LoginPage } from './features/auth/LoginPage'
import { AuditPage } from './features/audit/AuditPage'
import { CalendarPage } from './features/calendar/CalendarPage'
import { CataloguePage } from './features/drafting/catalogue/CataloguePage'
import { ItemEditorRoute } from './features/drafting/editor/ItemEditorPage'
import { ItemListPage } from './features/drafting/list/ItemListPage'
import { HomePage } from './features/home/HomePage'
import { PlaceholderPage } from './features/placeholder/PlaceholderPage'
import { RequestDetailRoute } from './features/requests/RequestDetailPage'
import { RequestsPage } from './features/requests/RequestsPage'
import { TemplatesPage as RequestTemplatesPage } from './features/requests/TemplatesPage'
import { PLANNED_MODULES } from './features/placeholder/modules'
import { ReviewQueuePage } from './features/review/queue/ReviewQueuePage'
import { ReviewRoute } from './features/review/screen/ReviewPage'
import { ActivitiesPage } from './features/activities/ActivitiesPage'
import { SchedulePage } from './features/schedule/SchedulePage'
import { SettingsPage } from './features/settings/SettingsPage'
import { SetupPage } from './features/setup/SetupPage'
import { SyncPage } from './features/sync/SyncPage'
import { AppLayout } from './features/shell/AppLayout'
import { UsersPage } from './features/users/UsersPage'
import { colorSchemeManager, theme } from './theme'

/** Picks the screen from core's app state: setup → login → lock → the shell. */
function Screens() {
  const { state } = useAppState()
  if (!state.initialised) return <SetupPage />
  if (!state.session) return <LoginPage />
  if (state.locked) return <LockScreen />
  const isAdmin = state.session.user.roles.includes('admin')
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="/drafts" element={<ItemListPage />} />
        <Route path="/drafts/catalogue" element={<CataloguePage />} />
        <Route path="/drafts/:id" element={<ItemEditorRoute />} />
        <Route path="/review" element={<ReviewQueuePage />} />
        <Route path="/review/:itemId" element={<ReviewRoute />} />
        <Route path="/sync" element={<SyncPage />} />
        <Route path="/schedule" element={<SchedulePage />} />
        <Route path="/activities" element={<ActivitiesPage />} />
        <Route path="/requests" element={<RequestsPage />} />
        <Route path="/requests/templates" element={<RequestTemplatesPage />} />
        <Route path="/requests/:id" element={<RequestDetailRoute />} />
        {PLANNED_MODULES.filter((m) => !m.ready).map((m) => (
          <Route key={m.path} path={m.path} element={<PlaceholderPage module={m} />} />
        ))}
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/settings/calendar" element={<CalendarPage />} />
        {isAdmin && <Route path="/users" element={<UsersPage />} />}
        {isAdmin && <Route path="/audit" element={<AuditPage />} />}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  )
}

function StartupError({ message, retry }: { message: string; retry: () => void }) {
  return (
    <Center mih="100vh" p="xl">
      <Paper withBorder p="xl" maw={520} role="alert">
        <Stack>
          <Title order={3}>无法启动</Title>
          <Text>{message}</Text>
          <Button onClick={retry} w="fit-content">
            重试
          </Button>
        </Stack>
      </Paper>
    </Center>
  )
}

export function App() {
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="light"
    >
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <Notifications position="bottom-right" limit={4} />
        <ErrorBoundary>
          <AppStateProvider
            fallback={
              <Center mih="100vh">
                <Loader aria-label="正在加载" />
              </Center>
            }
            renderError={(message, retry) => <StartupError message={message} retry={retry} />}
          >
            <HashRouter>
              <Screens />
            </HashRouter>
          </AppStateProvider>
        </ErrorBoundary>
      </DatesProvider>
    </MantineProvider>
  )
}
