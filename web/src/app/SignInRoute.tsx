import { ConfigProvider } from 'antd'
// The sign-in page's components, styled from antd's prebuilt stylesheet (zero-runtime, as the
// console: theme.ts); vite.config.ts picks their rules out, and they ship inside index.html.
import 'virtual:antd.css?components=btn|input|flex|alert|wave|spin'
import { LoginPage } from '../features/identity/LoginPage'
import { preloadConsole } from './preload-console'
import { consoleTheme } from './theme'

/** The sign-in page; the console's code is fetched once someone starts to sign in. */
export function SignInRoute() {
  return (
    <ConfigProvider theme={consoleTheme}>
      {/* display: contents: a listener only, no box of its own (the page's layout is unchanged). */}
      <div
        style={{ display: 'contents' }}
        onKeyDownCapture={preloadConsole}
        onPointerDownCapture={preloadConsole}
      >
        <LoginPage />
      </div>
    </ConfigProvider>
  )
}
