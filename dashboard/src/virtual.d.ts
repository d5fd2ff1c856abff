declare module 'virtual:figures-catalogue' {
  /** The Count figures below `Figures` in the gateway's supergraph at build time (figures-catalogue.ts). */
  export const FIGURES: Array<{ id: string; path: string[]; description: string }>;
}
