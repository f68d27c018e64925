import type { Capabilities } from '../../shared/accounts/capabilities'
import {
  NAV_SECTIONS,
  type Feature,
  type FeatureNav,
  type FeatureRoute,
  type HomeCard,
} from './feature'

/** Every route of the features the user may open (admin-only routes only for administrators). */
export function routesOf(features: readonly Feature[], caps: Capabilities): FeatureRoute[] {
  return features.flatMap((f) => f.routes ?? []).filter((r) => caps.admin || !r.adminOnly)
}

export interface NavSectionView {
  id: string
  title: string | undefined
  items: FeatureNav[]
}

/** The navbar: sections in their fixed order, entries by `order`, empty sections left out. */
export function navOf(features: readonly Feature[], caps: Capabilities): NavSectionView[] {
  const items = features
    .flatMap((f) => f.nav ?? [])
    .filter((n) => caps.admin || !n.adminOnly)
    .sort((a, b) => a.order - b.order)
  return NAV_SECTIONS.map((s) => ({
    id: s.id,
    title: s.title,
    items: items.filter((n) => n.section === s.id),
  })).filter((s) => s.items.length > 0)
}

/** The home cards of one kind the user may see, by `order`. */
export function homeCardsOf(
  features: readonly Feature[],
  caps: Capabilities,
  kind: HomeCard['kind'],
): HomeCard[] {
  return features
    .flatMap((f) => f.homeCards ?? [])
    .filter((c) => c.kind === kind && (!c.requires || caps[c.requires]))
    .sort((a, b) => a.order - b.order)
}

/** Paths, nav paths and card ids that two features both claim (the registry test expects none). */
export function registryClashes(features: readonly Feature[]): string[] {
  const seen = new Map<string, string>()
  const clashes: string[] = []
  const claim = (key: string, owner: string) => {
    const other = seen.get(key)
    if (other !== undefined) clashes.push(`${key}: ${other} / ${owner}`)
    else seen.set(key, owner)
  }
  for (const f of features) {
    claim(`feature ${f.id}`, f.id)
    for (const r of f.routes ?? []) claim(`route ${r.path}`, f.id)
    for (const n of f.nav ?? []) claim(`nav ${n.path}`, f.id)
    for (const c of f.homeCards ?? []) claim(`card ${c.id}`, f.id)
  }
  return clashes
}
