import type { z } from 'zod'

/**
 * The one Chinese error map for zod (issue 8 point 10): zod's own zh-CN locale still names types
 * in English (「期望 string，实际接收 number」) and echoes enum values and unknown keys. These
 * messages name no type, quote no input, and say what to do. Schemas' own messages take precedence.
 */

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '「是」或「否」',
  array: '列表',
  object: '一组字段',
  date: '日期',
  null: '空值',
  undefined: '空值',
  nan: '数字',
  file: '文件',
  map: '列表',
  set: '列表',
}

const SIZE_UNITS: Record<string, string> = {
  string: '个字符',
  array: '项',
  set: '项',
  map: '项',
  file: '字节',
}

const FORMAT_NAMES: Record<string, string> = {
  email: '电子邮件地址',
  url: '链接',
  date: '日期（YYYY-MM-DD）',
  datetime: '日期时间',
  time: '时间',
  uuid: '编号',
  regex: '格式',
}

const num = (v: unknown): string => (typeof v === 'bigint' ? v.toString() : String(v))

/** A Chinese message for one zod issue; never quotes the input. */
export function zhIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '必填，请填写'
      const expected = TYPE_NAMES[String(issue.expected)] ?? '正确的值'
      return `类型不正确，应为${expected}`
    }
    case 'invalid_value':
      return '不是允许的选项，请从列表中选择'
    case 'too_big': {
      const unit = SIZE_UNITS[String(issue.origin)]
      if (unit) return `最多 ${num(issue.maximum)} ${unit}`
      return issue.inclusive ? `不能大于 ${num(issue.maximum)}` : `应小于 ${num(issue.maximum)}`
    }
    case 'too_small': {
      const unit = SIZE_UNITS[String(issue.origin)]
      if (unit) {
        return Number(issue.minimum) === 1 && issue.origin === 'string'
          ? '必填，请填写'
          : `至少 ${num(issue.minimum)} ${unit}`
      }
      return issue.inclusive ? `不能小于 ${num(issue.minimum)}` : `应大于 ${num(issue.minimum)}`
    }
    case 'invalid_format': {
      const name = FORMAT_NAMES[String(issue.format)]
      return name ? `${name}不正确` : '格式不正确'
    }
    case 'not_multiple_of':
      return `应为 ${num(issue.divisor)} 的倍数`
    case 'unrecognized_keys':
      return `包含无法识别的字段（${issue.keys.length} 个），请刷新程序后重试`
    case 'invalid_key':
    case 'invalid_element':
      return '包含无效的值'
    case 'invalid_union':
      return '输入无效，请检查后重试'
    default:
      return '输入无效，请检查后重试'
  }
}

/** The zod config that installs the map (`z.config(zodZh())`), in core and in the renderer. */
export const zodZh = (): { localeError: (issue: z.core.$ZodRawIssue) => string } => ({
  localeError: zhIssueMessage,
})
