import type { Icon } from '@tabler/icons-react'
import type { ComponentType, ReactNode } from 'react'
import type { Capabilities } from '../../shared/accounts/capabilities'
import type { HomeTodo } from '../../shared/home/types'

/**
 * What a renderer feature brings to the shell, exported as `feature` from its own folder's
 * `feature.tsx` and listed once in app/features.ts: App.tsx builds the routes, the navbar its
 * entries and the home page its to-do cards from these descriptors.
 */
export interface Feature {
  /** A short id, unique in the registry (used as React key and in tests). */
  id: string
  routes?: FeatureRoute[]
  nav?: FeatureNav[]
  /** Cards for the home page's 我的待办. */
  homeCards?: HomeCard[]
}

export interface FeatureRoute {
  /** A react-router path; `/` is the shell's index route. */
  path: string
  element: ReactNode
  /** Only for administrators (core enforces the same on every call). */
  adminOnly?: boolean
}

/** The navbar's sections, in this order. */
export const NAV_SECTIONS = [
  { id: 'start', title: undefined },
  { id: 'work', title: '日常工作' },
  { id: 'system', title: '系统' },
] as const satisfies readonly { id: string; title: string | undefined }[]

export type NavSectionId = (typeof NAV_SECTIONS)[number]['id']

export interface FeatureNav {
  path: string
  /** The link's text (e2e specs find the link by it: keep it exact). */
  label: string
  icon: Icon
  section: NavSectionId
  /** Position inside the section, ascending. */
  order: number
  adminOnly?: boolean
  /** Shown at the link's right, e.g. a count of what is due; renders nothing when there is none. */
  badge?: ComponentType
}

/** What every home card gets: core's to-do counts (undefined while loading) and the session's capabilities. */
export interface HomeCardContext {
  todo: HomeTodo | undefined
  capabilities: Capabilities
}

export interface HomeCard {
  id: string
  /**
   * `count`: one figure with a link in the 我的待办 strip (items waiting, returned, overdue …);
   * `panel`: a wider card below it (a domain's own to-do summary).
   */
  kind: 'count' | 'panel'
  /** Position among cards of its kind, ascending. */
  order: number
  /** Shown only to users who have this capability. */
  requires?: keyof Capabilities
  render: (ctx: HomeCardContext) => ReactNode
}

/** Identity helper that type-checks a descriptor where it is written. */
export const defineFeature = (feature: Feature): Feature => feature
