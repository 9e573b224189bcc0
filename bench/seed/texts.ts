// Chinese titles and texts for generated cases: what a customer-service desk writes down.
type Rand = () => number

export const pick = <T>(rand: Rand, list: readonly T[]): T => {
  const item = list[Math.floor(rand() * list.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const places = [
  '电梯',
  '地下车库',
  '一楼大堂',
  '卫生间',
  '茶水间',
  '楼道',
  '消防通道',
  '会议室',
  '停车场入口',
  '垃圾房',
  '空中花园',
  '快递柜',
  '门禁',
  '外立面',
  '屋顶平台',
]
const complaintIssues = [
  '噪音扰民',
  '保洁不及时',
  '照明不足',
  '异味严重',
  '保安态度差',
  '等候时间过长',
  '乱停车堵塞通道',
  '装修施工超时',
  '宠物粪便无人清理',
  '空调温度过低',
  '快递堆放占道',
  '门禁卡经常失灵',
]
const repairIssues: { fault: string; text: string }[] = [
  { fault: 'water', text: '水管漏水' },
  { fault: 'water', text: '马桶堵塞' },
  { fault: 'water', text: '水龙头滴水' },
  { fault: 'power', text: '插座没电' },
  { fault: 'power', text: '跳闸频繁' },
  { fault: 'power', text: '灯管不亮' },
  { fault: 'aircon', text: '空调不制冷' },
  { fault: 'aircon', text: '空调滴水' },
  { fault: 'door_lock', text: '门锁损坏' },
  { fault: 'door_lock', text: '入户门关不严' },
  { fault: 'lift', text: '电梯异响' },
  { fault: 'gas_smell', text: '厨房有燃气味' },
  { fault: 'other', text: '窗户玻璃破裂' },
  { fault: 'other', text: '天花板渗水' },
]
const inquiryTopics = [
  '物业费缴纳方式',
  '停车月卡如何办理',
  '快递柜开通时间',
  '装修申请需要哪些材料',
  '门禁卡补办流程',
  '发票如何开具',
  '搬家需要提前多久预约',
  '空调加班费用标准',
  '访客登记规定',
  '宠物饲养规定',
  '水电费查询',
  '会议室预订方式',
]
const incidentKinds: { kind: string; text: string }[] = [
  { kind: 'injury', text: '访客在大堂滑倒受伤' },
  { kind: 'leak', text: '地下车库积水' },
  { kind: 'dispute', text: '业主与访客发生争执' },
  { kind: 'security', text: '可疑人员尾随进入' },
  { kind: 'fire_alarm', text: '烟感误报警' },
  { kind: 'power_cut', text: '整层突然停电' },
  { kind: 'other', text: '电梯困人' },
]
const liaisonTasks = [
  '周六搬家，请安排保安值守',
  '请协助清理装修垃圾',
  '请检修消防栓',
  '请更换大堂地垫',
  '请核对本月水电表读数',
  '请安排外墙清洗',
  '会议室设备调试',
  '请加强夜间巡逻',
]
const results = [
  '已安排专人处理，客户表示认可',
  '已调整排班并加强巡查',
  '已与相关方沟通，问题已解决',
  '已维修完毕并通知客户',
  '已向客户解释并致歉',
]
const answers = [
  '前台刷卡、银行转账或微信支付均可',
  '请携带身份证到客服中心办理',
  '工作日 9:00–18:00 可办理',
  '请提前三个工作日在前台预约',
]

export type CaseText = { title: string; description: string; data: Record<string, unknown> }

export function complaintText(rand: Rand, unit: string | null): CaseText {
  const place = pick(rand, places)
  const issue = pick(rand, complaintIssues)
  return {
    title: `${place}${issue}`,
    description: `客户${unit ? `（${unit}室）` : ''}反映${place}${issue}，希望物业尽快处理并回复`,
    data: { category: 'complaint', subject: place },
  }
}

export function repairText(rand: Rand, unit: string | null): CaseText {
  const issue = pick(rand, repairIssues)
  return {
    title: `${unit ? `${unit}室` : ''}${issue.text}`,
    description: `${issue.text}，请工程部上门查看维修，客户工作日白天在家`,
    data: { fault: issue.fault },
  }
}

export function inquiryText(rand: Rand): CaseText {
  const topic = pick(rand, inquiryTopics)
  return { title: topic, description: `客户来电咨询${topic}`, data: {} }
}

export function incidentText(rand: Rand): CaseText {
  const incident = pick(rand, incidentKinds)
  const place = pick(rand, places)
  return {
    title: `${place}${incident.text}`,
    description: `值班人员报告：${place}${incident.text}，已到场处置`,
    data: { kind: incident.kind, location: place },
  }
}

export function liaisonText(rand: Rand, level: number): CaseText {
  const task = pick(rand, liaisonTasks)
  return { title: `${level} 层${task}`, description: task, data: {} }
}

export const resultText = (rand: Rand) => pick(rand, results)
export const answerText = (rand: Rand) => pick(rand, answers)

const buildingWords = [
  '浦江',
  '世纪',
  '陆家嘴',
  '虹桥',
  '徐汇',
  '静安',
  '滨江',
  '锦绣',
  '华府',
  '金桥',
  '张江',
  '外滩',
  '天目',
  '长宁',
  '中山',
  '东方',
  '新华',
  '翠湖',
  '云锦',
  '瑞虹',
]
const buildingKinds = ['大厦', '中心', '广场', '花园', '公寓', '国际', '商务楼', '苑']

export function buildingName(i: number): string {
  const word = buildingWords[i % buildingWords.length] ?? '浦江'
  const kind = buildingKinds[Math.floor(i / buildingWords.length) % buildingKinds.length] ?? '大厦'
  const round = Math.floor(i / (buildingWords.length * buildingKinds.length))
  return `${word}${kind}${round > 0 ? `${round + 1}期` : ''}`
}
