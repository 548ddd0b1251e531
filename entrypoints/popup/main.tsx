import { render } from 'preact';
import '@/components/shared/styles.css';
import { showInUiLanguage } from '@/platform/core';
import { takeOverFirstPaint } from '@/platform/popup-opening';
import { App } from './App';

showInUiLanguage();
// In the same task as the render: the early script's paint and this one are never both seen.
takeOverFirstPaint();
render(<App />, document.getElementById('app')!);
