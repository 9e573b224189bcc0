import { describe, expect, it } from 'vitest'
import { jobsWhenStarted, type Jobs } from './index'

describe('jobsWhenStarted', () => {
  it('holds a job queued before pg-boss has started and hands it over once it has', async () => {
    const sent: string[] = []
    const started: Jobs = {
      schedule: async (name) => {
        sent.push(name)
        return 'job-1'
      },
      work: async () => {},
      every: async () => {},
      stop: async () => {},
    }
    let start = (_jobs: Jobs) => {}
    const jobs = jobsWhenStarted(new Promise<Jobs>((resolve) => (start = resolve)))
    const queued = jobs.schedule('cases.deadline-sweep', {})
    await new Promise((r) => setTimeout(r, 10))
    expect(sent).toEqual([])
    start(started)
    await expect(queued).resolves.toBe('job-1')
    expect(sent).toEqual(['cases.deadline-sweep'])
  })

  it('starts pg-boss at the first call when asked to, before its moment comes', async () => {
    const sent: string[] = []
    let started = false
    let start = (_jobs: Jobs) => {}
    const starting = new Promise<Jobs>((resolve) => (start = resolve))
    const jobs = jobsWhenStarted(starting, () => {
      if (started) return
      started = true
      start({
        schedule: async (name) => {
          sent.push(name)
          return 'job-2'
        },
        work: async () => {},
        every: async () => {},
        stop: async () => {},
      })
    })
    expect(started).toBe(false)
    await expect(jobs.schedule('cases.deadline-sweep', {})).resolves.toBe('job-2')
    expect(started).toBe(true)
    expect(sent).toEqual(['cases.deadline-sweep'])
  })
})
