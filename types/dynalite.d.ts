// dynalite ships no types; this is the part of its API the local store uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';
  type Options = { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number; maxItemSizeKb?: number; ssl?: boolean };
  export default function dynalite(options?: Options): Server;
}
