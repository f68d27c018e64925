import {
  catalogueSaveSchema,
  draftingSettingsPatchSchema,
  genreAddSchema,
  topicAddSchema,
} from './schemas'
import type {
  CatalogueEntry,
  CatalogueExportResult,
  CatalogueImportResult,
  DraftingSettings,
  Genre,
  Taxonomy,
  TopicNode,
} from './types'
import { out } from '../channel-output'
import { empty } from '../fields'
import { itemIdSchema } from '../items/schemas'

/**
 * The catalogue, the taxonomies and the drafting settings (composed into the one contract by
 * src/shared/contract.ts).
 */
export const catalogueContract = {
  'catalogue:list': { input: empty, output: out<CatalogueEntry[]>() },
  'catalogue:save': { input: catalogueSaveSchema, output: out<CatalogueEntry>() },
  /** Refused (CONFLICT) while items are filed under the entry. */
  'catalogue:delete': { input: itemIdSchema, output: out<null>() },
  /** All-or-nothing import of a .xlsx chosen in a dialog; `null` when the user cancels. */
  'catalogue:import-xlsx': { input: empty, output: out<CatalogueImportResult | null>() },
  'catalogue:export-xlsx': { input: empty, output: out<CatalogueExportResult | null>() },
  'taxonomy:list': { input: empty, output: out<Taxonomy>() },
  'taxonomy:add-topic': { input: topicAddSchema, output: out<TopicNode>() },
  'taxonomy:add-genre': { input: genreAddSchema, output: out<Genre>() },
  'drafting:get-settings': { input: empty, output: out<DraftingSettings>() },
  /** Administrators only. */
  'drafting:update-settings': {
    input: draftingSettingsPatchSchema,
    output: out<DraftingSettings>(),
  },
} as const
