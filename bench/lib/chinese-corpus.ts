import { idCheckChar } from '../../src/core/review/checksums'
import { mulberry32, pick } from './prng'

/** Common characters of government prose, the raw material of generated text and keywords. */
const CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞'

const HEADS = ['关于', '根据', '为进一步', '按照', '经研究', '各单位要', '现将', '请于']
const TAILS = ['的通知。', '工作方案。', '有关事项如下：', '实施意见。', '，请认真贯彻执行。', '。']
const CONTEXT = ['当事人：', '申请人', '姓名：', '联系电话：', '身份证号码：', '车牌号', '邮箱：']
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂'

function word(rnd: () => number, min: number, max: number): string {
  const n = min + Math.floor(rnd() * (max - min + 1))
  let w = ''
  for (let i = 0; i < n; i++) w += pick(rnd, CHARS as unknown as string[])
  return w
}

function digits(rnd: () => number, n: number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10)
  return s
}

function idNumber(rnd: () => number): string {
  const y = 1950 + Math.floor(rnd() * 60)
  const m = String(1 + Math.floor(rnd() * 12)).padStart(2, '0')
  const d = String(1 + Math.floor(rnd() * 28)).padStart(2, '0')
  const first17 = `3703${digits(rnd, 2)}${y}${m}${d}${digits(rnd, 3)}`
  return first17 + (idCheckChar(first17) ?? '0')
}

/** A sentence of generated prose; about one in six carries personal data after a context word. */
function sentence(rnd: () => number): string {
  let s = pick(rnd, HEADS) + word(rnd, 6, 30)
  const r = rnd()
  if (r < 0.17) {
    const ctx = pick(rnd, CONTEXT)
    let value: string
    if (ctx.includes('电话')) value = `13${digits(rnd, 9)}`
    else if (ctx.includes('身份证')) value = idNumber(rnd)
    else if (ctx.includes('车牌')) value = `鲁C${digits(rnd, 5)}`
    else if (ctx.includes('邮箱')) value = `user${digits(rnd, 5)}@163.com`
    else value = pick(rnd, SURNAMES.split('')) + pick(rnd, GIVEN.split(''))
    s += `，${ctx}${value}，`
  } else if (r < 0.3) {
    s += `${2000 + Math.floor(rnd() * 25)}年${1 + Math.floor(rnd() * 12)}月${digits(rnd, 1)}日`
  }
  return s + word(rnd, 4, 20) + pick(rnd, TAILS)
}

/** A deterministic Chinese corpus of at least `bytes` UTF-8 bytes, in paragraphs. */
export function generateCorpus(seed: number, bytes: number): string {
  const rnd = mulberry32(seed)
  const parts: string[] = ['秘密★1年\n']
  let size = 0
  while (size < bytes) {
    let para = ''
    const n = 3 + Math.floor(rnd() * 6)
    for (let i = 0; i < n; i++) para += sentence(rnd)
    parts.push(para, '\n')
    size += Buffer.byteLength(para, 'utf8') + 1
  }
  return parts.join('')
}

/**
 * `count` distinct Chinese keywords of 2–6 characters; about one in ten is cut from `corpus` so it
 * really occurs there, the rest are random words (most of which do not).
 */
export function generateKeywords(seed: number, count: number, corpus: string): string[] {
  const rnd = mulberry32(seed)
  const out = new Set<string>()
  while (out.size < count) {
    if (rnd() < 0.1) {
      const len = 2 + Math.floor(rnd() * 5)
      const at = Math.floor(rnd() * (corpus.length - len))
      const w = corpus.slice(at, at + len)
      if (/^[\u4e00-\u9fff]+$/.test(w)) out.add(w)
    } else out.add(word(rnd, 2, 6))
  }
  return [...out]
}
