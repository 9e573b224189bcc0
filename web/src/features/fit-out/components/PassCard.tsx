import { useTranslation } from 'react-i18next'
import { type Pass, passGateUrl } from '../api'
import { useQrCode } from '../../../ui/useQrCode'

export type PassCardCase = {
  propertyName: string
  number: string
  unitNumber: string | null
  customerName: string | null
  contractor: string | null
  dailyHours: string | null
}

/** 施工人员出入证: one worker's card, with the QR code security scans at the gate. */
export function PassCard({ pass, fitOut }: { pass: Pass; fitOut: PassCardCase }) {
  const { t } = useTranslation()
  const link = passGateUrl(pass.id)
  const qr = useQrCode(link)
  const rows: [string, string][] = [
    [t('fitOut.passCard.worker'), pass.workerName],
    [t('fitOut.passCard.role'), pass.workerRole],
    [t('fitOut.passCard.idNumber'), pass.idNumber],
    [t('fitOut.passCard.unit'), fitOut.unitNumber ?? '—'],
    [t('fitOut.passCard.company'), fitOut.customerName ?? '—'],
    [t('fitOut.passCard.contractor'), fitOut.contractor ?? '—'],
    [t('fitOut.passCard.fitOutNumber'), fitOut.number],
    [t('fitOut.passCard.validity'), `${pass.validFrom} ~ ${pass.validTo}`],
    [t('fitOut.passCard.hours'), fitOut.dailyHours ?? '—'],
  ]
  return (
    <article className="pass-card" aria-label={`${pass.number} ${pass.workerName}`}>
      <header>
        <span className="pass-card-building">{fitOut.propertyName}</span>
        <span className="pass-card-title">{t('fitOut.passCard.title')}</span>
      </header>
      <div className="pass-card-body">
        <table>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th>{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="pass-card-qr">
          {qr && <img src={qr} alt={t('fitOut.passCard.qr')} />}
          <div className="pass-card-number">{pass.number}</div>
          <div className="pass-card-scan">{t('fitOut.passCard.scan')}</div>
        </div>
      </div>
      <footer>{link}</footer>
    </article>
  )
}
