import { render } from 'preact';
import '@/components/styles.css';
import { showInUiLanguage } from '@/platform/core';
import { App } from './App';

showInUiLanguage();
render(<App />, document.getElementById('app')!);
