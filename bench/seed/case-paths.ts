// The way each generated case type goes through its workflow: the steps in order, who takes
// each, what it writes, and which deadline runs while the case waits in a state.
import { answerText, pick, resultText } from './texts'

export type GenType = 'complaint' | 'repair' | 'inquiry' | 'incident' | 'liaison'

/** Who takes a step: a post of the building's staff, or the case's department's head or staff. */
export type Taker = 'desk' | 'supervisor' | 'dept_head' | 'dept_staff' | 'tech' | 'customer'

export type Step = {
  action: string
  to: string
  by: Taker
  /** The step's input as the engine would have recorded it. */
  input?: (rand: () => number) => Record<string, unknown>
  /** What the step writes into the case's own fields. */
  data?: (input: Record<string, unknown>) => Record<string, unknown>
  /** The step meets the case's main deadline (resolve; an inquiry's respond). */
  meets?: boolean
  /** The step leaves the case with the taker (accept, take charge, receive). */
  takes?: boolean
  signOff?: boolean
  visible: boolean
  /** Hours the step usually follows the previous one by (uniform 0.2–1.0 of it). */
  hours: number
}

const followUp = (rand: () => number) => ({
  method: pick(rand, ['phone', 'phone', 'visit', 'wechat'] as const),
  rating: pick(rand, ['satisfied', 'satisfied', 'satisfied', 'fairly_satisfied'] as const),
})

export const paths: Record<GenType, { initial: string; steps: Step[] }> = {
  complaint: {
    initial: 'registered',
    steps: [
      { action: 'assign', to: 'assigned', by: 'desk', visible: true, hours: 1 },
      {
        action: 'accept',
        to: 'in_progress',
        by: 'dept_staff',
        takes: true,
        visible: true,
        hours: 3,
      },
      {
        action: 'report_result',
        meets: true,
        to: 'resolved',
        by: 'dept_head',
        input: (rand) => ({ result: resultText(rand) }),
        data: (i) => ({ result: i['result'] }),
        signOff: true,
        visible: true,
        hours: 20,
      },
      {
        action: 'follow_up',
        to: 'closed',
        by: 'desk',
        input: followUp,
        data: (i) => ({ followUp: { ...i, comment: '' } }),
        visible: true,
        hours: 30,
      },
    ],
  },
  repair: {
    initial: 'logged',
    steps: [
      { action: 'dispatch', to: 'dispatched', by: 'dept_head', visible: false, hours: 0.5 },
      { action: 'arrive', to: 'on_site', by: 'tech', visible: true, hours: 2 },
      {
        action: 'complete',
        meets: true,
        to: 'completed',
        by: 'tech',
        input: (rand) => ({
          workDone: pick(rand, ['更换配件并调试正常', '疏通管道', '更换灯管两支', '紧固线路']),
          paid: false,
        }),
        data: (i) => ({ workDone: i['workDone'], materials: [], paid: false }),
        visible: true,
        hours: 3,
      },
      {
        action: 'customer_sign_off',
        to: 'awaiting_follow_up',
        by: 'customer',
        input: () => ({ satisfied: true }),
        data: () => ({ customerSatisfied: true, customerComment: '' }),
        signOff: true,
        visible: true,
        hours: 0.5,
      },
      {
        action: 'follow_up',
        to: 'closed',
        by: 'desk',
        input: followUp,
        data: (i) => ({ followUp: { ...i, comment: '' } }),
        visible: true,
        hours: 30,
      },
    ],
  },
  inquiry: {
    initial: 'open',
    steps: [
      {
        action: 'answer',
        meets: true,
        to: 'answered',
        by: 'desk',
        input: (rand) => ({ answer: answerText(rand) }),
        data: (i) => ({ answer: i['answer'] }),
        visible: true,
        hours: 4,
      },
    ],
  },
  incident: {
    initial: 'reported',
    steps: [
      {
        action: 'take_charge',
        to: 'handling',
        by: 'supervisor',
        takes: true,
        visible: false,
        hours: 0.2,
      },
      {
        action: 'resolve',
        meets: true,
        to: 'resolved',
        by: 'supervisor',
        input: () => ({ outcome: '现场已处置完毕，已做好记录' }),
        data: (i) => ({ outcome: i['outcome'] }),
        visible: false,
        hours: 2,
      },
      { action: 'close', to: 'closed', by: 'supervisor', signOff: true, visible: false, hours: 24 },
    ],
  },
  liaison: {
    initial: 'issued',
    steps: [
      {
        action: 'receive',
        to: 'received',
        by: 'dept_head',
        takes: true,
        signOff: true,
        visible: false,
        hours: 2,
      },
      {
        action: 'complete',
        meets: true,
        to: 'done',
        by: 'dept_head',
        input: () => ({ feedback: '已按要求完成' }),
        data: (i) => ({ feedback: i['feedback'] }),
        visible: false,
        hours: 24,
      },
    ],
  },
}

/** The deadline that runs while a case waits in a state, and its length in working minutes. */
export function waitingDeadline(
  type: GenType,
  state: string,
  priority: string,
): { name: string; minutes: number; workingTime: boolean } | null {
  const urgent = priority !== 'normal'
  switch (`${type}:${state}`) {
    case 'complaint:registered':
      return { name: 'respond', minutes: urgent ? 15 : 30, workingTime: true }
    case 'complaint:assigned':
    case 'complaint:in_progress':
      return { name: 'resolve', minutes: urgent ? 240 : 480, workingTime: true }
    case 'complaint:resolved':
    case 'repair:awaiting_follow_up':
      return { name: 'follow_up', minutes: 1440, workingTime: true }
    case 'repair:logged':
      return { name: 'respond', minutes: 5, workingTime: priority !== 'emergency' }
    case 'repair:dispatched':
    case 'repair:on_site':
      return { name: 'resolve', minutes: urgent ? 240 : 480, workingTime: priority !== 'emergency' }
    case 'inquiry:open':
      return { name: 'respond', minutes: 30, workingTime: true }
    case 'incident:reported':
      return { name: 'respond', minutes: 5, workingTime: false }
    case 'incident:handling':
      return { name: 'resolve', minutes: 240, workingTime: false }
    case 'liaison:issued':
    case 'liaison:received':
      return { name: 'resolve', minutes: 960, workingTime: true }
    default:
      return null
  }
}

/** The deadline a closed case met (or missed): the one that ran longest. */
export const resolvedDeadline = (type: GenType, priority: string) =>
  type === 'inquiry'
    ? waitingDeadline('inquiry', 'open', priority)
    : waitingDeadline(
        type,
        type === 'liaison'
          ? 'issued'
          : type === 'repair'
            ? 'dispatched'
            : type === 'incident'
              ? 'handling'
              : 'assigned',
        priority,
      )

/**
 * Working minutes as wall-clock time, roughly: 9 working hours a day, five days a week, so a
 * working minute takes about 3.7 minutes of the clock on average.
 */
export const wallMinutes = (minutes: number, workingTime: boolean) =>
  workingTime ? minutes * 3.7 : minutes
