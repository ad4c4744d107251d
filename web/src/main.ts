import './styles.css';
import { startApp } from './app.ts';

void startApp(document.getElementById('app')!);
