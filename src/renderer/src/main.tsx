import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DEFAULT_SETTINGS } from '../../shared/contract/entities';
import { connect } from './bridge/client';
import { readOpenLink } from './bridge/http-bridge';
import { applySettings } from './settings/use-settings';
import './styles.css';

// The system theme from the first paint; the saved settings replace it once loaded.
applySettings({ ...DEFAULT_SETTINGS, colorLabels: { ...DEFAULT_SETTINGS.colorLabels } });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// Before connect(): reading the token clears the address's fragment, `#open=` with it.
const initialLink = readOpenLink();
createRoot(root).render(
  <StrictMode>
    <App client={connect()} initialLink={initialLink} />
  </StrictMode>,
);
