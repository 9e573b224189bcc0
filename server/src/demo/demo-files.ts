// Files the demo attaches to its cases: a customer's drawn signature (PNG) and a fit-out's floor
// plan (PDF), generated here so the demo needs no binary files in the repository.
import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A signature-like stroke on white, 240 × 80, as a PNG data URL (what the desk's tablet sends). */
export function signaturePng(seed: number): string {
  const width = 240
  const height = 80
  const rows: Buffer[] = []
  const ink = new Set<number>()
  for (let x = 10; x < width - 10; x++) {
    const y = Math.round(
      40 + 18 * Math.sin((x + seed * 7) / 14) * Math.cos((x - seed) / 37) + 6 * Math.sin(x / 5),
    )
    for (let dy = -1; dy <= 1; dy++) ink.add((y + dy) * width + x)
  }
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width, 0xff)
    row[0] = 0 // filter: none
    for (let x = 0; x < width; x++) if (ink.has(y * width + x)) row[1 + x] = 0x20
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

/** A one-page floor plan (walls, a partition, doors) as a PDF, labelled with its revision. */
export function floorPlanPdf(title: string, revision: string): Buffer {
  const lines = [
    '2 w 60 160 m 540 160 l 540 640 l 60 640 l h S',
    '1 w 300 160 m 300 420 l S 300 480 m 300 640 l S',
    '1 w 60 400 m 200 400 l S 240 400 m 300 400 l S',
    '0.5 w 420 160 m 420 220 l S',
    `BT /F1 18 Tf 60 700 Td (${title}) Tj ET`,
    `BT /F1 12 Tf 60 680 Td (Revision ${revision} - scale 1:100) Tj ET`,
    'BT /F1 10 Tf 150 280 Td (Office A) Tj ET BT /F1 10 Tf 400 280 Td (Meeting room) Tj ET',
  ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 760] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(lines)} >>\nstream\n${lines}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, k) => {
    offsets.push(Buffer.byteLength(body))
    body += `${k + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
