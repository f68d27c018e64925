import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Mantine's CSS is imported from styles/index.css: ESLint's `**/core/**` rule (which keeps the
// renderer away from src/core) would also match '@mantine/core/styles.css' here.
import './styles/index.css'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('缺少 #root 容器')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
