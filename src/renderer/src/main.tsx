import '@mantine/core/styles.css';
import '@xyflow/react/dist/style.css';
import { MantineProvider } from '@mantine/core';
import { ReactFlowProvider } from '@xyflow/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import { App } from './App';
import { ApplySettings } from './settings/ApplySettings';
import { cssVariablesResolver, theme } from './theme/theme';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <MantineProvider defaultColorScheme="auto" theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <ReactFlowProvider>
        <ApplySettings />
        <App />
      </ReactFlowProvider>
    </MantineProvider>
  </StrictMode>,
);
