import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { Capabilities } from '../../shared/accounts/capabilities'
import type { AppState, SessionInfo } from '../../shared/accounts/types'
import { api, errorMessage, onSessionLost, request } from '../api/client'

/** The app state from core (`app:state`), which decides the screen: setup, login, lock or shell. */
interface AppStateContextValue {
  state: AppState
  /** Re-reads the state from core (after setup, login, restore …). */
  refresh: () => Promise<void>
  /** Applies a session returned by setup/login/unlock without another round trip. */
  signedIn: (session: SessionInfo) => void
  setLocked: (locked: boolean) => void
  signedOut: () => void
}

const AppStateContext = createContext<AppStateContextValue | null>(null)

export function useAppState(): AppStateContextValue {
  const value = useContext(AppStateContext)
  if (!value) throw new Error('useAppState 只能在 AppStateProvider 内使用')
  return value
}

/** The signed-in session; only for screens rendered inside the shell. */
export function useSession(): SessionInfo {
  const { state } = useAppState()
  if (!state.session) throw new Error('未登录')
  return state.session
}

/**
 * What the signed-in user may do (core derives it from the roles, `capabilitiesOf`): pages show or
 * hide actions by it instead of checking roles themselves. Core still refuses what is not allowed.
 */
export function useCapabilities(): Capabilities {
  return useSession().capabilities
}

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; state: AppState }

export function AppStateProvider({
  children,
  fallback,
  renderError,
}: {
  children: React.ReactNode
  fallback: React.ReactNode
  renderError: (message: string, retry: () => void) => React.ReactNode
}) {
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  const refresh = useCallback(
    () =>
      request(api().app.state({}), { notify: false }).then(
        (state) => setLoad({ status: 'ready', state }),
        (e: unknown) => setLoad({ status: 'error', message: errorMessage(e) }),
      ),
    [],
  )

  useEffect(() => {
    // Subscribes to the first answer from core; later refreshes come from screens.
    request(api().app.state({}), { notify: false }).then(
      (state) => setLoad({ status: 'ready', state }),
      (e: unknown) => setLoad({ status: 'error', message: errorMessage(e) }),
    )
  }, [])

  const update = useCallback((patch: (s: AppState) => AppState) => {
    setLoad((l) => (l.status === 'ready' ? { status: 'ready', state: patch(l.state) } : l))
  }, [])

  useEffect(
    () =>
      onSessionLost((code) => {
        if (code === 'LOCKED') update((s) => ({ ...s, locked: true }))
        else void refresh()
      }),
    [refresh, update],
  )

  const value = useMemo<AppStateContextValue | null>(
    () =>
      load.status === 'ready'
        ? {
            state: load.state,
            refresh,
            signedIn: (session) =>
              update((s) => ({ ...s, initialised: true, session, locked: false })),
            setLocked: (locked) => update((s) => ({ ...s, locked })),
            signedOut: () => update((s) => ({ ...s, session: null, locked: false })),
          }
        : null,
    [load, refresh, update],
  )

  if (load.status === 'loading') return fallback
  if (load.status === 'error') return renderError(load.message, () => void refresh())
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>
}
