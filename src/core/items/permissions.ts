import type { Actor } from '../accounts/actor'
import { AppError } from '../errors'

/**
 * Who may do what with items (decision, documented in README.md): every logged-in user may read
 * and search; any officer (起草人) of the department may create and edit any item — drafting is
 * shared work in a department, and a colleague must be able to finish a draft while its author is
 * away; every edit is a revision with its author, and audited. Reviewers, leaders and administrators
 * read only, unless they also hold the officer role.
 */
export function canEditItems(actor: Actor): boolean {
  return actor.roles.includes('officer')
}

/** Throws FORBIDDEN unless the actor may edit items. */
export function requireItemEditor(actor: Actor): void {
  if (!canEditItems(actor)) {
    throw new AppError(
      'FORBIDDEN',
      '只有起草人可以新建或修改条目；如需起草，请联系管理员添加「起草人」角色',
    )
  }
}

/**
 * The catalogue (主动公开事项目录) and the taxonomies are maintained by officers (who know what
 * their department must publish) and administrators.
 */
export function requireCatalogueEditor(actor: Actor): void {
  if (!actor.roles.includes('officer') && !actor.roles.includes('admin')) {
    throw new AppError('FORBIDDEN', '只有起草人或管理员可以维护公开事项目录和分类')
  }
}
