declare module 'virtual:figures-catalogue' {
  /** The figures below `Figures` in the gateway's supergraph at build time (figures-catalogue.ts). */
  export const FIGURES: Array<{
    id: string;
    path: string[];
    kind: 'count' | 'breakdown' | 'enum' | 'number';
    by?: { field: string; value: string };
    description: string;
  }>;
}
