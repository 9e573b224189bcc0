import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { fenToYuanNumber, formatFen, rateBpToPercent } from '../../../ui/money'
import type { CollectionMonth } from '../api'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** Due vs collected (bars, yuan) and the collection rate (line, %) per month. */
export function CollectionChart({ months }: { months: CollectionMonth[] }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!ref.current) return
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [])

  useEffect(() => {
    if (!ref.current) return
    const chart = echarts.getInstanceByDom(ref.current)
    if (!chart) return
    const due = t('collection.due')
    const collected = t('collection.collectedInPeriod')
    const rate = t('collection.rate')
    chart.setOption({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (typeof value === 'number' ? String(value) : '—'),
      },
      legend: { top: 0, data: [due, collected, rate] },
      grid: { left: 70, right: 60, top: 64, bottom: 30 },
      xAxis: { type: 'category', data: months.map((m) => m.period) },
      yAxis: [
        { type: 'value', name: t('collection.yuanAxis'), axisLabel: { formatter: '{value}' } },
        { type: 'value', name: '%', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: due, type: 'bar', data: months.map((m) => fenToYuanNumber(m.due)) },
        {
          name: collected,
          type: 'bar',
          data: months.map((m) => fenToYuanNumber(m.collectedInPeriod)),
        },
        {
          name: rate,
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: months.map((m) => rateBpToPercent(m.rateBp)),
        },
      ],
    })
  }, [months, t])

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('collection.chartLabel', {
        last: months.at(-1)?.period ?? '',
        due: formatFen(months.at(-1)?.due),
      })}
      style={{ width: '100%', height: 340 }}
    />
  )
}
