import { contextBridge, ipcRenderer } from 'electron'
import type { Api } from '../shared/contract'
import { buildApi } from '../shared/contract'

/**
 * Exposes `window.api`: one named function per contract channel (`api.users.resetPassword`),
 * each a single `ipcRenderer.invoke` on its own fixed channel. Neither ipcRenderer nor a generic
 * invoke(channel) is exposed, so page script can reach exactly the contract's channels and
 * nothing else; main still checks the sender and core validates every input.
 */
const api: Api = buildApi((channel, input) => ipcRenderer.invoke(channel, input))

contextBridge.exposeInMainWorld('api', api)
