import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { languageReady } from './app/i18n'
import './styles.css'
import { App } from './app/App'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

// Chinese is there at once; a reader who chose English waits for its texts (one small chunk).
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
