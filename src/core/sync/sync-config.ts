import type { Kysely } from 'kysely'
import type { ConnectionTestResult, SyncSettingsView } from '../../shared/sync/types'
import { SYNC_TOKEN_REFUSED_MESSAGE } from '../../shared/sync/labels'
import { SYNC_PROTOCOL_VERSION } from '../../shared/sync/wire'
import { requireRole, type Actor, auditActor } from '../accounts/actor'
import type { SecretStore } from '../platform'
import { appendAudit } from '../audit/append'
import { sha256 } from '../audit/hash'
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

/** `scheme://host:port` of a URL: the unit a token is bound to (exact origin match). */
export function originOf(url: string): string {
  return new URL(url).origin
}

/** A token's fingerprint for the audit trail: never the token, not even part of it. */
export function tokenFingerprint(token: string): string {
  return `指纹 ${sha256(token).slice(0, 8)}`
}

/**
 * The saved URL and the token from the secret store. The token is handed out only for the origin
 * it was saved with (issue 8 point 5): if the saved URL points elsewhere, there is no token.
 */
export async function loadConnection(
  db: Kysely<DB>,
  secrets: SecretStore,
): Promise<SyncConnection> {
  const serverUrl = await readSyncValue(db, SYNC_KEYS.serverUrl)
  const stored = await secrets.get(SYNC_TOKEN_KEY)
  const boundTo = await readSyncValue(db, SYNC_KEYS.tokenOrigin)
  const token =
    stored !== null && (boundTo === null || serverUrl === null || boundTo === originOf(serverUrl))
      ? stored
      : null
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
 * The token is bound to the URL's origin: moving to another server needs that server's token
 * (VALIDATION otherwise), so the saved token never follows a changed address. Audited without the
 * token: the audit says only that it was set or cleared, with a fingerprint (a hash prefix).
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
  const storedToken = await secrets.get(SYNC_TOKEN_KEY)
  const url =
    patch.serverUrl === undefined
      ? before.serverUrl
      : patch.serverUrl === null
        ? null
        : normaliseServerUrl(patch.serverUrl)
  const boundTo = await readSyncValue(db, SYNC_KEYS.tokenOrigin)
  const keepsToken = patch.token === undefined && !patch.clearToken && storedToken !== null
  const tokenOrigin = boundTo ?? (before.serverUrl ? originOf(before.serverUrl) : null)
  if (keepsToken && url !== null && tokenOrigin !== null && originOf(url) !== tokenOrigin) {
    throw new AppError(
      'VALIDATION',
      `更换服务器地址时请同时填写新服务器的令牌：已保存的令牌只发送给保存它时的服务器（${tokenOrigin}）`,
      [{ path: 'token', message: '请填写新服务器的令牌' }],
    )
  }
  const changes: Record<string, unknown> = {}
  // The token first: if the OS cannot encrypt it, nothing is changed at all.
  let tokenChanged = false
  if (patch.token !== undefined && patch.token !== storedToken) {
    await secrets.set(SYNC_TOKEN_KEY, patch.token)
    changes['token'] = {
      from: storedToken ? `已设置（${tokenFingerprint(storedToken)}）` : '未设置',
      to: `已设置（${tokenFingerprint(patch.token)}）`,
    }
    tokenChanged = true
  } else if (patch.clearToken && storedToken !== null) {
    await secrets.delete(SYNC_TOKEN_KEY)
    changes['token'] = { from: '已设置', to: '已清除' }
    tokenChanged = true
  }
  const at = clock().toISOString()
  await db.transaction().execute(async (trx) => {
    if (url !== before.serverUrl) {
      await writeSyncValue(trx, SYNC_KEYS.serverUrl, url, at)
      changes['serverUrl'] = { from: before.serverUrl, to: url }
    }
    // Bind the token (new, or kept) to the origin it is now used with.
    const hasToken = patch.clearToken ? false : patch.token !== undefined || storedToken !== null
    const origin = hasToken && url !== null ? originOf(url) : null
    if (origin !== boundTo) await writeSyncValue(trx, SYNC_KEYS.tokenOrigin, origin, at)
    if (tokenChanged) await writeSyncValue(trx, SYNC_KEYS.authFailed, null, at)
    if (Object.keys(changes).length > 0) {
      await appendAudit(
        trx,
        {
          actor: auditActor(actor),
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
 * 「测试连接」: GET /health, then an authenticated GET /changes?limit=1 to check the token. The saved
 * token goes only to the saved server (exact origin match, issue 8 point 5): testing another
 * address needs a typed token (VALIDATION otherwise, nothing is sent). Every test is audited —
 * which server, whose token (saved / typed / none) and the outcome, never the token. Answers in
 * Chinese; never throws for network trouble.
 */
export async function testConnection(
  db: Kysely<DB>,
  secrets: SecretStore,
  actor: Actor,
  input: { serverUrl?: string; token?: string },
  fetchImpl: FetchLike,
  clock: Clock,
  timeoutMs = 10_000,
): Promise<ConnectionTestResult> {
  requireRole(actor, 'admin')
  const saved = await loadConnection(db, secrets)
  const serverUrl = input.serverUrl ? normaliseServerUrl(input.serverUrl) : saved.serverUrl
  if (!serverUrl) throw new AppError('VALIDATION', '请先填写区级服务器地址')
  const origin = originOf(serverUrl)
  const savedOrigin = saved.serverUrl ? originOf(saved.serverUrl) : null
  const audit = (detail: Record<string, unknown>) =>
    appendAudit(
      db,
      {
        actor: auditActor(actor),
        action: 'sync.connection_test',
        target: 'settings',
        detail: { server: origin, ...detail },
      },
      clock,
    )
  let token: string | null = null
  let tokenSource: 'typed' | 'saved' | 'none' = 'none'
  if (input.token) {
    token = input.token
    tokenSource = 'typed'
  } else if (saved.token !== null && origin === savedOrigin) {
    token = saved.token
    tokenSource = 'saved'
  } else if (saved.token !== null) {
    await audit({ tokenSource: 'none', result: 'refused_other_server' })
    throw new AppError(
      'VALIDATION',
      `测试其他服务器（${origin}）时请填写该服务器的令牌：已保存的令牌只发送给已保存的服务器（${savedOrigin ?? '未设置'}）`,
      [{ path: 'token', message: '请填写该服务器的令牌' }],
    )
  }
  const result = await probe(serverUrl, token, fetchImpl, timeoutMs)
  await audit({
    tokenSource,
    result: result.ok ? 'ok' : 'failed',
    reachable: result.reachable,
    tokenAccepted: result.tokenAccepted,
  })
  return result
}

async function probe(
  serverUrl: string,
  token: string | null,
  fetchImpl: FetchLike,
  timeoutMs: number,
): Promise<ConnectionTestResult> {
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
  if ((health.body.protocol ?? 1) < SYNC_PROTOCOL_VERSION) {
    return {
      ok: false,
      reachable: true,
      tokenAccepted: null,
      message: `服务器可以连接，但它使用旧的同步协议（第 ${health.body.protocol ?? 1} 版，本机需要第 ${SYNC_PROTOCOL_VERSION} 版），报送会被拒绝。请区级管理员升级服务器。`,
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
  const checked = await client.changes(null, 1)
  if (checked.kind === 'ok') {
    return { ok: true, reachable: true, tokenAccepted: true, message: '连接成功，令牌有效。' }
  }
  if (checked.kind === 'unauthorized') {
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
    message: `服务器可以连接，但核验令牌时出错：${checked.message}`,
  }
}
