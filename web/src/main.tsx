import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { languageReady } from './app/i18n'
import './styles.css'
import { App } from './app/App'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

// Chinese is there at once; a reader who chose English waits for its texts (one small chunk).
// The first render is a transition: React renders it in slices and the page stays responsive
// (antd computes its styles while rendering), instead of one long task.
void languageReady.then(() => {
  const reactRoot = createRoot(root)
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )
})
