// 物品放行条 on A4 (half a page): unit, customer, carrier, goods, vehicle, the day it is valid, the
// owner's consent, signature lines, and a QR code security scans to open the gate page.
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../ui/format'
import { useQrCode } from '../../../ui/useQrCode'
import type { CaseDetail } from '../api'
import { enumLabel, maskIdNumber } from '../labels'
import { gateUrl, type ReleaseData } from './release'
import '../moves.css'

export function ReleaseSlipSheet({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const data = detail.data as ReleaseData
  const link = gateUrl(detail.id)
  const qr = useQrCode(link)
  const consent = data.ownerConsent
  return (
    <article className="print-sheet case-record release-slip">
      <header>
        <div className="case-record-building">{detail.propertyName}</div>
        <h1>{t('cases.release.slipTitle')}</h1>
        <div className="case-record-meta">
          <span>
            {t('cases.col.number')}：{detail.number}
          </span>
          <span>
            {t('cases.release.issuedAt')}：{formatDateTime(detail.createdAt, timeZone).slice(0, 16)}
          </span>
        </div>
      </header>
      <table className="case-record-table">
        <tbody>
          <tr>
            <th>{t('cases.field.unit')}</th>
            <td>{detail.unitNumber ?? '—'}</td>
            <td rowSpan={5} className="slip-qr" style={{ width: 170 }}>
              {qr && <img src={qr} alt={t('cases.release.qr')} />}
              <div>{t('cases.release.scan')}</div>
            </td>
          </tr>
          <tr>
            <th>{t('cases.field.customer')}</th>
            <td>{detail.customerName ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('cases.field.carrierName')}</th>
            <td>
              {data.carrierName ?? '—'}
              {data.carrierIdNumber && `（${maskIdNumber(data.carrierIdNumber)}）`}
            </td>
          </tr>
          <tr>
            <th>{t('cases.field.vehicle')}</th>
            <td>{data.vehicle ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('cases.field.validOn')}</th>
            <td>
              <strong>{data.validOn ?? '—'}</strong> {t('cases.release.validThatDay')}
            </td>
          </tr>
          <tr>
            <th>{t('cases.field.ownerConsent')}</th>
            <td colSpan={2}>
              {consent
                ? `${consent.ownerName}（${enumLabel(t, 'method', consent.method)}）`
                : t('cases.release.consentLine')}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{t('cases.field.items')}</h2>
      <table className="case-record-table case-record-history">
        <thead>
          <tr>
            <th style={{ width: 48 }}>#</th>
            <th>{t('cases.item.items.name')}</th>
            <th style={{ width: 90 }}>{t('cases.item.items.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {(data.items ?? []).map((item, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{item.name}</td>
              <td className="money">{item.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="signature-lines">
        <div>{t('cases.release.signCustomer')}</div>
        <div>{t('cases.release.signDesk')}</div>
        <div>{t('cases.release.signOwner')}</div>
        <div>{t('cases.release.signGuard')}</div>
      </div>
      <footer>{link}</footer>
    </article>
  )
}
