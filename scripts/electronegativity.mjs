// Runs Doyensec's Electronegativity over src/ and fails on any HIGH or MEDIUM finding.
// The tool is fetched by npx at a pinned version (it drags eslint 7 and TypeScript 4.2 along, which
// we keep out of the project's own tree). Offline it cannot look up Electron's release list, so that
// one global check is excluded; reviewed lines carry an `eng-disable <CHECK>` comment with the reason.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'eneg-'))
const csv = join(dir, 'out.csv')
try {
  execFileSync(
    'npx',
    [
      '--yes',
      '@doyensec/electronegativity@1.10.3',
      '-i',
      resolve('src'),
      '-r',
      '-e',
      '45.5.0',
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-o',
      csv,
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const findings = readFileSync(csv, 'utf8')
    .split('\n')
    .map((line) =>
      /^([A-Z0-9_]+),"(HIGH|MEDIUM|LOW|INFORMATIONAL)","(\w+)","([^"]*)","([^"]*)"/.exec(line),
    )
    .filter((m) => m !== null)
    .map(([, id, severity, confidence, file, at]) => ({ id, severity, confidence, file, at }))
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.at}`)
  const bad = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
  console.log(`electronegativity: ${findings.length} findings, ${bad.length} HIGH or MEDIUM`)
  process.exit(bad.length === 0 ? 0 : 1)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
