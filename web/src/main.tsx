// First: zod must be told not to compile parsers before the contracts build their schemas.
import './lib/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/features.css';
import './styles/communities.css';
import './styles/inbox.css';
import './styles/pathways.css';
import './styles/resources.css';
import './styles/search.css';
import './styles/programs.css';
import './styles/events.css';
import './styles/admin.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
