import './styles.css';
import { startApp } from './app.tsx';

void startApp(document.getElementById('app')!);
