import { defineFeature, type Feature } from '../../app/feature'
import type { ModuleInfo } from './modules'
import { PlaceholderPage } from './PlaceholderPage'

/** A module not built yet, served through the registry like any other: its route and nav entry. */
export function placeholderFeature(module: ModuleInfo): Feature {
  return defineFeature({
    id: module.id,
    routes: [{ path: module.path, element: <PlaceholderPage module={module} /> }],
    nav: [
      {
        path: module.path,
        label: module.title,
        icon: module.icon,
        section: 'work',
        order: module.order,
      },
    ],
  })
}
