// Deterministic demo data: the same building and customers on every machine.
export function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘']
const given = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '晓东',
  '海燕',
  '丹',
  '鹏',
  '浩然',
  '雨桐',
  '子轩',
  '欣怡',
]
const brand = [
  '华信',
  '远景',
  '恒通',
  '星辰',
  '瑞丰',
  '天择',
  '明德',
  '汇智',
  '博远',
  '中和',
  '新航',
  '启元',
  '凯盛',
  '正泰',
  '嘉禾',
  '云图',
  '鼎新',
  '立方',
  '安澜',
  '润达',
]
const trade = [
  '科技',
  '贸易',
  '咨询',
  '文化传媒',
  '律师事务所',
  '投资管理',
  '信息技术',
  '设计',
  '物流',
  '医疗器械',
]

export function personName(rand: () => number) {
  const s = surnames[Math.floor(rand() * surnames.length)] ?? '王'
  const g = given[Math.floor(rand() * given.length)] ?? '伟'
  return s + g
}

export function companyName(i: number, rand: () => number) {
  const b = brand[i % brand.length] ?? '华信'
  const t = trade[Math.floor(rand() * trade.length)] ?? '科技'
  const city = i < brand.length ? '上海' : '深圳'
  return t.endsWith('所') ? `${city}${b}${t}` : `${city}${b}${t}有限公司`
}

export function mobile(rand: () => number) {
  const prefixes = ['135', '136', '137', '138', '139', '150', '151', '158', '186', '188']
  const p = prefixes[Math.floor(rand() * prefixes.length)] ?? '138'
  return p + String(Math.floor(rand() * 1e8)).padStart(8, '0')
}

export function idNumber(rand: () => number) {
  const year = 1960 + Math.floor(rand() * 40)
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0')
  const seq = String(Math.floor(rand() * 1000)).padStart(3, '0')
  return `310115${year}${month}${day}${seq}${Math.floor(rand() * 10)}`
}
