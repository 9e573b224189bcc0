import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

/** A text (the gate page's address) as a QR code, a PNG data URL drawn in the browser. */
export function useQrCode(text: string) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    QRCode.toDataURL(text, { margin: 1, width: 300, errorCorrectionLevel: 'M' })
      .then((data) => live && setUrl(data))
      .catch(() => live && setUrl(null))
    return () => {
      live = false
    }
  }, [text])
  return url
}
