import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { dataText } from '../labels'

export type MovingHelpData = {
  movingCompany?: string
  trolleys?: number
  goodsLiftAt?: string
  note?: string
}

/** H-MI-1, H-MO-7: the moving company, trolleys and the goods lift booked for the customer. */
export function MovingHelp({ help, timeZone }: { help?: MovingHelpData; timeZone: string }) {
  const { t } = useTranslation()
  if (!help) return null
  const parts = [
    help.movingCompany && `${t('cases.field.movingCompany')}：${help.movingCompany}`,
    `${t('cases.field.trolleys')}：${help.trolleys ?? 0}`,
    help.goodsLiftAt &&
      `${t('cases.field.goodsLiftAt')}：${dataText(t, 'goodsLiftAt', help.goodsLiftAt, timeZone)}`,
    help.note,
  ]
  return <Typography.Text>{parts.filter(Boolean).join('；')}</Typography.Text>
}
