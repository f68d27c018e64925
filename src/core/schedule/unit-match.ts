/**
 * Whether a 责任单位 cell names this department: the district writes 「区财政局」「财政局、发改局」
 * 「各部门单位」 for a department named 「淄博高新区财政局」 in setup. A part matches when, without a
 * leading 区/市/县 and notes like （牵头）, it ends the department's name (at least 3 characters) or
 * the department's name ends it; 「各部门」「各单位」 name every department.
 */
export function namesDepartment(unitText: string, departmentName: string): boolean {
  const dept = clean(departmentName)
  if (dept === '') return false
  const parts = unitText
    .replace(/[（(][^）)]*[）)]/g, '、')
    .split(/[、，,；;/\n\r\s]+/)
    .map(clean)
    .filter((p) => p !== '')
  return parts.some((p) => {
    if (/^(各|全区各|全市各|所有)/.test(p) && /(部门|单位|科室)/.test(p)) return true
    const core = p.replace(/(牵头|配合|负责|等)$/g, '')
    if (core === dept || (dept.endsWith(core) && [...core].length >= 3)) return true
    const stripped = core.replace(/^[区市县]/, '')
    if (stripped !== core && [...stripped].length >= 3 && dept.endsWith(stripped)) return true
    return core.endsWith(dept)
  })
}

function clean(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .trim()
}
