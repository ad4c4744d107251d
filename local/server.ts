// `npm start`: the API and the web page on http://localhost:3000 (PORT), over embedded DynamoDB in .data/
// (`npm start -- --memory` keeps it in memory), with the demo station loaded when the store is empty.
import { startLocalApp } from './app.ts';

const memory = process.argv.includes('--memory');
const port = Number(process.env.PORT ?? 3000);

const app = await startLocalApp({ port, memory });
console.log(`duty roster planner on ${app.url} (database: ${memory ? 'in memory' : '.data/'}); Ctrl-C stops it`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
