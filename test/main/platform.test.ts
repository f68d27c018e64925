import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindow } from 'electron'

const electron = vi.hoisted(() => ({
  dialog: {
    showMessageBox: vi.fn(),
    showSaveDialog: vi.fn(),
    showOpenDialog: vi.fn(),
  },
  shell: { openExternal: vi.fn(async () => undefined) },
  safeStorage: { isEncryptionAvailable: vi.fn(() => true) },
}))
vi.mock('electron', () => electron)

import { createElectronPlatform, webUrlToOpen } from '../../src/main/platform'

const win = { isDestroyed: () => false } as unknown as BrowserWindow

beforeEach(() => {
  vi.clearAllMocks()
})

describe('openExternal', () => {
  const platform = createElectronPlatform(() => win, '/nonexistent/secrets.bin')

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'app://renderer/index.html',
    'ms-settings:privacy',
    'https://user:pass@evil.example/',
    'not a url',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s without showing a dialog', async (url) => {
    expect(await platform.openExternal(url)).toBe(false)
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled()
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('opens an https link only after the officer confirms 打开', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    expect(await platform.openExternal('https://www.gov.cn/zhengce/')).toBe(true)

    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce()
    const [parent, options] = electron.dialog.showMessageBox.mock.calls[0] ?? []
    expect(parent).toBe(win)
    expect(options).toMatchObject({
      message: '即将在浏览器中打开外部链接：https://www.gov.cn/zhengce/，是否继续？',
      buttons: ['打开', '取消'],
      cancelId: 1,
      defaultId: 1,
    })
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://www.gov.cn/zhengce/',
    )
    expect(electron.dialog.showMessageBox.mock.invocationCallOrder[0]).toBeLessThan(
      electron.shell.openExternal.mock.invocationCallOrder[0] ?? 0,
    )
  })

  it('does not open the link when the officer chooses 取消', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    expect(await platform.openExternal('http://www.gov.cn/')).toBe(false)
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('reports false when the system cannot open the link', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    electron.shell.openExternal.mockRejectedValueOnce(new Error('no browser'))
    expect(await platform.openExternal('https://www.gov.cn/')).toBe(false)
  })

  it('normalises the URL it shows and opens', () => {
    expect(webUrlToOpen('HTTPS://WWW.GOV.CN')).toBe('https://www.gov.cn/')
  })
})

describe('file dialogs', () => {
  it('returns the chosen save path, or null when cancelled', async () => {
    const platform = createElectronPlatform(() => win, '/nonexistent/secrets.bin')
    electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: '/d/备份.zip',
    })
    const options = {
      title: '保存备份',
      defaultPath: '备份.zip',
      filters: [{ name: '备份', extensions: ['zip'] }],
    }
    expect(await platform.chooseSaveFile(options)).toBe('/d/备份.zip')
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        title: '保存备份',
        defaultPath: '备份.zip',
        filters: options.filters,
      }),
    )
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await platform.chooseSaveFile(options)).toBeNull()
  })

  it('returns the one chosen file, or null when cancelled; works without a window', async () => {
    const platform = createElectronPlatform(() => null, '/nonexistent/secrets.bin')
    electron.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/d/a.zip'],
    })
    expect(await platform.chooseOpenFile({ title: '' })).toBe('/d/a.zip')
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: '选择文件', properties: ['openFile'] }),
    )
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await platform.chooseOpenFile({ title: '恢复备份' })).toBeNull()
  })
})

describe('save dialogs default to 文档, not the hidden app-data folder (issue 10)', () => {
  const folders = { userData: '/home/u/.config/政务公开工作台', documents: '/home/u/文档' }
  const platform = createElectronPlatform(() => win, '/nonexistent/secrets.bin', folders)

  it.each([
    [
      '/home/u/.config/政务公开工作台/backups/数据库备份-20261201-093000-000.sqlite',
      '/home/u/文档/数据库备份-20261201-093000-000.sqlite',
    ],
    [
      '/home/u/.config/政务公开工作台/保密审查单-通知-20261201.docx',
      '/home/u/文档/保密审查单-通知-20261201.docx',
    ],
    ['/media/usb/备份.sqlite', '/media/usb/备份.sqlite'],
    ['附件.pdf', '/home/u/文档/附件.pdf'],
  ])('%s → %s', async (given, shown) => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    await platform.chooseSaveFile({ title: '保存', defaultPath: given })
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ defaultPath: shown }),
    )
  })
})
