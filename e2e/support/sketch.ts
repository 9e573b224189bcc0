import type { BrowserContext } from '@playwright/test'

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

const WIDTH = 480
const HEIGHT = 340

/** An office floor plan: open area, meeting room, manager's office, reception. */
const PLAN = `
  <rect width="100%" height="100%" fill="#f7fbff" />
  <g stroke="#1d39c4" stroke-width="3" fill="none">
    <rect x="16" y="70" width="448" height="250" />
    <line x1="200" y1="70" x2="200" y2="320" />
    <line x1="200" y1="200" x2="464" y2="200" />
    <line x1="330" y1="200" x2="330" y2="320" />
  </g>
  <g font-size="13" fill="#1d39c4">
    <text x="80" y="200">开放办公区</text><text x="300" y="140">会议室</text>
    <text x="240" y="265">经理室</text><text x="370" y="265">前台</text>
  </g>`

/** A corridor seen from one end, with boxes of material stacked in it and the exit sign. */
const CORRIDOR = `
  <rect width="100%" height="100%" fill="#e8e4dc" />
  <polygon points="0,340 170,200 310,200 480,340" fill="#b9b1a3" />
  <polygon points="0,0 170,90 170,200 0,340" fill="#d6d0c4" />
  <polygon points="480,0 310,90 310,200 480,340" fill="#d6d0c4" />
  <rect x="170" y="90" width="140" height="110" fill="#f4f1ea" />
  <rect x="205" y="100" width="70" height="22" fill="#2f9e44" />
  <text x="216" y="116" font-size="13" fill="#fff">安全出口</text>
  <g stroke="#6b4f2a" stroke-width="2" fill="#c8a26b">
    <rect x="90" y="250" width="90" height="60" /><rect x="110" y="200" width="70" height="50" />
    <rect x="190" y="270" width="80" height="45" />
  </g>`

/**
 * A small picture drawn in the browser and taken as a PNG: the floor plan a customer submits
 * (`plan`) or a photo taken on a patrol (`corridor`). `lines` are written on it (a title, a
 * revision); `marks` are red circles where something is to be looked at.
 */
export async function sketchPng(
  context: BrowserContext,
  scene: 'plan' | 'corridor',
  lines: string[],
  marks: { x: number; y: number }[] = [],
): Promise<Buffer> {
  const text = lines
    .map(
      (line, k) =>
        `<text x="16" y="${24 + k * 20}" font-size="${k === 0 ? 16 : 13}">${escape(line)}</text>`,
    )
    .join('')
  const circles = marks
    .map((m) => `<circle cx="${m.x}" cy="${m.y}" r="16" fill="none" stroke="#d4380d" />`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    ${scene === 'plan' ? PLAN : CORRIDOR}
    <g fill="#222">${text}</g>
    <g stroke-width="3">${circles}</g>
  </svg>`
  const page = await context.newPage()
  try {
    await page.setViewportSize({ width: WIDTH, height: HEIGHT })
    await page.setContent(`<body style="margin:0">${svg}</body>`)
    return await page.screenshot({ clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } })
  } finally {
    await page.close()
  }
}
