import type { Kysely } from 'kysely'
import type { ConnectionTestResult, SyncSettingsView } from '../../shared/sync'
import { SYNC_TOKEN_REFUSED_MESSAGE } from '../../shared/labels'
import { requireRole, type Actor } from '../accounts/actor'
import type { SecretStore } from '../api/types'
import { appendAudit } from '../audit/append'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import { AppError } from '../errors'
import { normaliseServerUrl, SyncHttpClient, type FetchLike } from './http-client'
import { readSyncValue, SYNC_KEYS, writeSyncValue } from './state-store'

/** Where the department token is kept in the platform's secret store. */
export const SYNC_TOKEN_KEY = 'sync.token'

/** What the worker needs to talk to the server; null fields mean "not configured". */
export interface SyncConnection {
  serverUrl: string | null
  token: string | null
}

/** The saved URL and the token from the secret store. */
export async function loadConnection(
  db: Kysely<DB>,
  secrets: SecretStore,
): Promise<SyncConnection> {
  const serverUrl = await readSyncValue(db, SYNC_KEYS.serverUrl)
  const token = await secrets.get(SYNC_TOKEN_KEY)
  return { serverUrl, token }
}

function toView(connection: SyncConnection): SyncSettingsView {
  const { serverUrl, token } = connection
  return {
    serverUrl,
    tokenSet: token !== null,
    tokenHint: token === null ? null : token.slice(-4),
    configured: serverUrl !== null && token !== null,
  }
}

/** The settings section's view: URL, 「已设置」 and the token's last 4 characters. */
export async function getSyncSettings(
  db: Kysely<DB>,
  secrets: SecretStore,
): Promise<SyncSettingsView> {
  return toView(await loadConnection(db, secrets))
}

export interface SyncSettingsPatch {
  serverUrl?: string | null
  token?: string
  clearToken?: boolean
}

/**
 * Administrators: saves the URL (SQLite) and/or the token (secret store, encrypted by the OS).
 * Audited without the token: the audit says only that it was set or cleared, and its last 4.
 */
export async function updateSyncSettings(
  db: Kysely<DB>,
  secrets: SecretStore,
  actor: Actor,
  patch: SyncSettingsPatch,
  clock: Clock,
): Promise<{ view: SyncSettingsView; tokenChanged: boolean }> {
  requireRole(actor, 'admin')
  const before = await loadConnection(db, secrets)
  const changes: Record<string, unknown> = {}
  // The token first: if the OS cannot encrypt it, nothing is changed at all.
  let tokenChanged = false
  if (patch.token !== undefined && patch.token !== before.token) {
    await secrets.set(SYNC_TOKEN_KEY, patch.token)
    changes['token'] = {
      from: before.token ? '已设置' : '未设置',
      to: `已设置（…${patch.token.slice(-4)}）`,
    }
    tokenChanged = true
  } else if (patch.clearToken && before.token !== null) {
    await secrets.delete(SYNC_TOKEN_KEY)
    changes['token'] = { from: '已设置', to: '已清除' }
    tokenChanged = true
  }
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    if (patch.serverUrl !== undefined) {
      const url = patch.serverUrl === null ? null : normaliseServerUrl(patch.serverUrl)
      if (url !== before.serverUrl) {
        await writeSyncValue(trx, SYNC_KEYS.serverUrl, url, at)
        changes['serverUrl'] = { from: before.serverUrl, to: url }
      }
    }
    if (tokenChanged) await writeSyncValue(trx, SYNC_KEYS.authFailed, null, at)
    if (Object.keys(changes).length > 0) {
      await appendAudit(
        trx,
        {
          actor: { id: actor.id, name: actor.displayName },
          action: 'sync.settings_update',
          target: 'settings',
          detail: { changes },
        },
        clock,
      )
    }
  })
  return { view: await getSyncSettings(db, secrets), tokenChanged }
}

/**
 * 「测试连接」: GET /health, then an authenticated GET /changes?limit=1 to check the token. Uses
 * the given URL/token, or the saved ones. Answers in Chinese; never throws for network trouble.
 */
export async function testConnection(
  db: Kysely<DB>,
  secrets: SecretStore,
  actor: Actor,
  input: { serverUrl?: string; token?: string },
  fetchImpl: FetchLike,
  timeoutMs = 10_000,
): Promise<ConnectionTestResult> {
  requireRole(actor, 'admin')
  const saved = await loadConnection(db, secrets)
  const serverUrl = input.serverUrl ? normaliseServerUrl(input.serverUrl) : saved.serverUrl
  const token = input.token ?? saved.token
  if (!serverUrl) throw new AppError('VALIDATION', '请先填写区级服务器地址')
  const client = new SyncHttpClient({ serverUrl, token, fetch: fetchImpl, timeoutMs })
  const health = await client.health()
  if (health.kind !== 'ok' || health.body.status !== 'ok') {
    const why =
      health.kind === 'transient' || health.kind === 'rejected'
        ? health.message
        : '服务器的回答不是区级同步服务'
    return {
      ok: false,
      reachable: false,
      tokenAccepted: null,
      message: `连接失败：${why}。请核对服务器地址和网络。`,
    }
  }
  if (!token) {
    return {
      ok: false,
      reachable: true,
      tokenAccepted: null,
      message: '服务器可以连接，但尚未填写令牌。',
    }
  }
  const probe = await client.changes(null, 1)
  if (probe.kind === 'ok') {
    return { ok: true, reachable: true, tokenAccepted: true, message: '连接成功，令牌有效。' }
  }
  if (probe.kind === 'unauthorized') {
    return {
      ok: false,
      reachable: true,
      tokenAccepted: false,
      message: `服务器可以连接，但${SYNC_TOKEN_REFUSED_MESSAGE}。`,
    }
  }
  return {
    ok: false,
    reachable: true,
    tokenAccepted: null,
    message: `服务器可以连接，但核验令牌时出错：${probe.message}`,
  }
}
