import { useEffect, useState } from 'react';
import { graphql, GraphQLError } from './graphql';
import { hasFigures } from './measures';
import { FIGURES_PER_QUERY, figuresOf } from './queries';

export interface FiguresState {
  /** Each area's figures by its code. */
  byCode: Map<string, Record<string, unknown>>;
  errors: GraphQLError[];
  loading: boolean;
}

/** The figures of the given areas for a month, 20 areas a query, the queries side by side. */
export function useFigures(url: string, token: string, codes: string[], month: string): FiguresState {
  const [state, setState] = useState<FiguresState>({ byCode: new Map(), errors: [], loading: false });
  const key = codes.join(',');
  useEffect(() => {
    if (!hasFigures || !key) return;
    let current = true;
    const all = key.split(',');
    const chunks = Array.from({ length: Math.ceil(all.length / FIGURES_PER_QUERY) }, (_, i) => all.slice(i * FIGURES_PER_QUERY, (i + 1) * FIGURES_PER_QUERY));
    setState((previous) => ({ ...previous, loading: true }));
    Promise.allSettled(chunks.map((chunk) => graphql<Record<string, Record<string, unknown> | null>>(url, token, figuresOf(chunk), { month }))).then((answers) => {
      if (!current) return;
      const byCode = new Map<string, Record<string, unknown>>();
      const errors: GraphQLError[] = [];
      for (const answer of answers) {
        if (answer.status === 'rejected') {
          errors.push({ message: (answer.reason as Error).message });
          continue;
        }
        errors.push(...answer.value.errors);
        for (const figures of Object.values(answer.value.data)) if (figures) byCode.set(String(figures.areaCode), figures);
      }
      setState({ byCode, errors, loading: false });
    });
    return () => {
      current = false;
    };
  }, [url, token, key, month]);
  return state;
}
