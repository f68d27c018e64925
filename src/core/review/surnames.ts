/**
 * Common Chinese surnames (the ~270 most frequent single-character ones, minus those
 * that are mostly function words after a context word, like 向/和/时 and the usual compound
 * ones). A name candidate must start with one: it is what keeps "当事人：山东某公司" or "姓名 性别"
 * from being read as a person.
 */
// prettier-ignore
export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '令狐', '端木', '南宫', '西门', '独孤', '澹台', '轩辕', '呼延', '百里', '申屠', '闻人',
]

const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝匡鞠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺闻厉伊仝郜阚屠朴廉禹井祖漆巴卿狄晋云扈晁芮阎'

/** Set of single-character surnames. */
export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(SINGLE)

/** The surname prefix of `name` (compound first), or null when it does not start with one. */
export function surnameOf(name: string): string | null {
  const two = name.slice(0, 2)
  if (COMPOUND_SURNAMES.includes(two) && name.length >= 3) return two
  const one = name.slice(0, 1)
  return SINGLE_SURNAMES.has(one) ? one : null
}
