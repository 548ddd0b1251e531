import { render } from 'preact';
import '@/components/shared/styles.css';
import '@/components/settings/settings.css';
import { showInUiLanguage } from '@/platform/core';
import { App } from './App';

showInUiLanguage();
render(<App />, document.getElementById('app')!);
