import type { ThemeConfig } from 'antd'

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fa8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
}

/**
 * antd's styles come from its prebuilt stylesheet (antd/dist/antd.css) instead of being computed and
 * injected by each component as it renders: that was a third of the main thread's work on a cold
 * load of the case queue. The console (AppShell) loads the whole sheet with its shell; the sign-in
 * page carries the rules of its few components inline (SignInRoute, vite.config.ts). The tokens
 * above still apply: the sheet reads them as CSS variables, which ConfigProvider sets. Pages outside
 * both (the gate and patrol pages on a phone) keep antd's runtime styles.
 */
export const consoleTheme: ThemeConfig = { zeroRuntime: true }
