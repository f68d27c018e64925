import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * electron-builder cannot run here (it downloads Electron), so the packaging config is checked
 * statically: against electron-builder's own JSON schema (app-builder-lib/scheme.json) with ajv,
 * and for the settings this app relies on. js-yaml and ajv come in with electron-builder.
 */

const root = join(__dirname, '..', '..')
const requireFromRoot = createRequire(join(root, 'package.json'))

type Json = Record<string, unknown>
type Schema = { properties?: Json; definitions?: Json; $ref?: string; anyOf?: Schema[] }

const yaml = requireFromRoot('js-yaml') as { load(text: string): unknown }
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Json
const schema = JSON.parse(
  readFileSync(requireFromRoot.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as Schema & { definitions: Record<string, Schema> }

/** The object definition behind a property schema (follows $ref and anyOf). */
function objectSchema(s: Schema | undefined): Schema | undefined {
  if (!s) return undefined
  if (s.$ref) return objectSchema(schema.definitions[s.$ref.replace('#/definitions/', '')])
  if (s.properties) return s
  for (const option of s.anyOf ?? []) {
    const found = objectSchema(option)
    if (found) return found
  }
  return undefined
}

function section(name: string): Json {
  return (config[name] ?? {}) as Json
}

describe('electron-builder.yml', () => {
  it('validates against electron-builder’s JSON schema', () => {
    const Ajv = requireFromRoot('ajv') as new (options: object) => {
      validate(schema: object, data: unknown): boolean
      errors?: unknown
    }
    const ajv = new Ajv({ allErrors: true, strict: false })
    const valid = ajv.validate(schema, config)
    expect(ajv.errors ?? null).toBeNull()
    expect(valid).toBe(true)
  })

  it.each(['', 'win', 'nsis', 'linux', 'deb', 'directories', 'electronFuses'])(
    'uses only keys the schema knows in %s',
    (name) => {
      const keys = Object.keys(name === '' ? config : section(name))
      const known = Object.keys(
        (name === '' ? schema : objectSchema(schema.properties?.[name] as Schema))?.properties ??
          {},
      )
      expect(known.length).toBeGreaterThan(0)
      expect(keys.filter((k) => !known.includes(k))).toEqual([])
    },
  )

  it('names the app and puts build resources and output where the project expects', () => {
    expect(config['appId']).toBe('cn.gov.disclosuredesk.app')
    expect(config['productName']).toBe('政务公开工作台')
    expect(config['directories']).toEqual({ buildResources: 'resources', output: 'dist' })
  })

  it('ships only the build output, with better-sqlite3 unpacked and rebuilt at pack time', () => {
    const files = config['files'] as string[]
    expect(files).toEqual(expect.arrayContaining(['out/**/*', 'package.json', '!**/*.map']))
    for (const excluded of ['src', 'test', 'bench', 'docs'])
      expect(files).toContain(`!${excluded}/**`)
    expect(config['asar']).toBe(true)
    expect(config['asarUnpack']).toContain('**/node_modules/better-sqlite3/**')
    expect(config['npmRebuild']).toBe(true)
  })

  it('turns off the fuses that would let the binary run as plain Node', () => {
    expect(section('electronFuses')).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    })
  })

  it('builds an assisted, Chinese NSIS installer for Windows x64 that keeps user data', () => {
    expect(section('win')['target']).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(section('nsis')).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      language: '2052',
      deleteAppDataOnUninstall: false,
    })
  })

  it('builds deb and AppImage for x64 and arm64, in the Office category', () => {
    const linux = section('linux')
    expect(linux['target']).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ])
    expect(linux['category']).toBe('Office')
    expect(linux['maintainer']).toMatch(/<.+@.+>/)
  })

  it('points at icons that exist: a PNG of at least 512×512 and a Windows .ico with 256×256', () => {
    const png = readFileSync(join(root, section('linux')['icon'] as string))
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512)

    const ico = readFileSync(join(root, section('win')['icon'] as string))
    expect(ico.readUInt16LE(2)).toBe(1) // type 1 = icon
    const count = ico.readUInt16LE(4)
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256)
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]))
  })
})
