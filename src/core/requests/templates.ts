import type { AnswerType, TemplateKey } from '../../shared/requests/types'
import { ANSWER_TYPES } from '../../shared/requests/types'

/**
 * Built-in wording of the letters; a department may replace any of them (stored in
 * request_letter_templates) and go back to these. Placeholders are Chinese names in braces,
 * e.g. {申请人}; see TEMPLATE_PLACEHOLDERS. The first line ending in 「：」 is the addressee.
 */

export const TEMPLATE_PLACEHOLDERS: Record<string, string> = {
  编号: '申请编号，如 GK2025-001',
  申请人: '申请人姓名或名称',
  收到日期: '收到申请之日（中文日期）',
  申请内容: '申请公开的政府信息',
  答复日期: '答复日期（中文日期）',
  法律依据: '该答复类型的条例依据',
  答复内容: '答复时填写的说明（获取方式、理由等）',
  救济告知: '行政复议（60 日内）和行政诉讼（6 个月内）的告知',
  补正事项: '需要补正的事项',
  补正期限: '补正期限（中文日期）',
  延期天数: '延长的工作日数',
  原答复期限: '延期前的答复期限（中文日期）',
  延期后答复期限: '延期后的答复期限（中文日期）',
  延期理由: '延期理由',
  征求对象: '征求意见的第三方',
  意见期限: '第三方提出意见的期限（中文日期，15 个工作日）',
  收费方式: '按件或按量',
  收费数额: '收费金额（元）',
  收费说明: '金额的计算方法',
  缴费期限: '缴费期限（中文日期，20 个工作日）',
  单位: '落款单位',
}

const OPENING =
  '本机关于{收到日期}收到您提出的政府信息公开申请（编号：{编号}），申请获取“{申请内容}”。'

const ANSWER_BODIES: Record<AnswerType, string> = {
  already_public: `经审查，您申请获取的政府信息本机关已经主动公开。根据{法律依据}的规定，现告知您获取该政府信息的方式和途径：{答复内容}`,
  disclose: `经审查，您申请获取的政府信息属于公开范围。根据{法律依据}的规定，本机关予以公开，现将有关政府信息提供给您。{答复内容}`,
  partial: `经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{法律依据}的规定，本机关向您提供可以公开的部分，不予公开的部分及理由如下：{答复内容}`,
  withhold: `经审查，您申请获取的政府信息属于不予公开的范围。根据{法律依据}的规定，本机关决定不予公开，理由如下：{答复内容}`,
  not_exist: `经检索，本机关没有您所申请的政府信息。根据{法律依据}的规定，特此告知。{答复内容}`,
  not_held: `经审查，您所申请的政府信息不属于本机关负责公开。根据{法律依据}的规定，特此告知。{答复内容}`,
  repeat: `经审查，您的申请与此前已答复的申请内容相同，属于重复申请。根据{法律依据}的规定，本机关不再重复处理。{答复内容}`,
  registration: `经审查，您所申请的信息属于有关法律、行政法规对信息的获取有专门规定的情形。根据{法律依据}的规定，请您依照有关法律、行政法规的规定办理。{答复内容}`,
  not_handled: `经审查，您的申请不属于政府信息公开申请的处理范围。根据{法律依据}的规定，本机关不作为政府信息公开申请处理。{答复内容}`,
  other: `经审查，根据{法律依据}的规定，现答复如下：{答复内容}`,
}

const REMEDY = '{救济告知}'

const BUILT_IN: Record<
  Exclude<TemplateKey, `answer.${string}`>,
  { title: string; body: string }
> = {
  correction: {
    title: '政府信息公开申请补正告知书',
    body: `{申请人}：
${OPENING}
经审查，您的申请内容不够明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：{补正事项}
请您于{补正期限}前将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body: `{申请人}：
${OPENING}
因{延期理由}，本机关不能在{原答复期限}前作出答复。经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长{延期天数}个工作日，本机关将于{延期后答复期限}前作出答复。
特此告知。`,
  },
  consultation: {
    title: '政府信息公开征求第三方意见书',
    body: `{征求对象}：
本机关于{收到日期}收到政府信息公开申请（编号：{编号}），申请获取“{申请内容}”。经审查，该政府信息的公开可能损害您的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您的意见。
请您于{意见期限}前（自收到本意见书之日起15个工作日内）提出书面意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知您。`,
  },
  fee: {
    title: '政府信息公开信息处理费收费通知书',
    body: `{申请人}：
${OPENING}
根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关对您的申请{收费方式}计收信息处理费{收费数额}元（{收费说明}）。
请您于{缴费期限}前（自收到本通知次日起20个工作日内）缴纳费用。自本通知发出之日至您缴费之日的期间不计算在答复期限内；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
  },
}

/** The built-in title and body of a template. */
export function builtInTemplate(key: TemplateKey): { title: string; body: string } {
  if (key.startsWith('answer.')) {
    const type = key.slice('answer.'.length) as AnswerType
    return {
      title: '政府信息公开申请答复书',
      body: `{申请人}：\n${OPENING}\n${ANSWER_BODIES[type]}\n${REMEDY}`,
    }
  }
  return BUILT_IN[key as keyof typeof BUILT_IN]
}

/** Every template key, in the order the settings screen lists them. */
export const TEMPLATE_KEYS: TemplateKey[] = [
  ...ANSWER_TYPES.map((t) => `answer.${t}` as TemplateKey),
  'correction',
  'extension',
  'consultation',
  'fee',
]

export function isTemplateKey(key: string): key is TemplateKey {
  return (TEMPLATE_KEYS as string[]).includes(key)
}

/** Replaces {名称} placeholders; an unknown placeholder is left as written so the officer sees it. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{([^{}]{1,12})\}/g, (m, name: string) => values[name] ?? m)
}
