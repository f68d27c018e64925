import { Button, Center, Loader, MantineProvider, Paper, Stack, Text, Title } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import 'dayjs/locale/zh-cn'
import { HashRouter, Navigate, Route, Routes } from 'react-router'
import { AppStateProvider, useAppState } from './app/app-state'
import { ErrorBoundary } from './components/ErrorBoundary'
import { FirstPasswordPage } from './features/auth/FirstPasswordPage'
import { LockScreen } from './features/auth/LockScreen'
import { LoginPage } from './features/auth/LoginPage'
import { FEATURES } from './app/features'
import { routesOf } from './app/registry'
import { FeaturesProvider } from './app/registry-context'
import { SetupPage } from './features/setup/SetupPage'
import { AppLayout } from './features/shell/AppLayout'
import { colorSchemeManager, theme } from './theme'

/** Picks the screen from core's app state: setup → login → lock → the shell. */
function Screens() {
  const { state } = useAppState()
  if (!state.initialised) return <SetupPage />
  if (!state.session) return <LoginPage />
  if (state.locked) return <LockScreen />
  // A password set by an administrator is replaced by its owner before anything else (issue 10).
  if (state.session.user.mustChangePassword) return <FirstPasswordPage />
  const routes = routesOf(FEATURES, state.session.capabilities)
  return (
    <FeaturesProvider value={FEATURES}>
      <Routes>
        <Route element={<AppLayout />}>
          {routes.map((r) =>
            r.path === '/' ? (
              <Route key={r.path} index element={r.element} />
            ) : (
              <Route key={r.path} path={r.path} element={r.element} />
            ),
          )}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </FeaturesProvider>
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
