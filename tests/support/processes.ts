export * from '../../scripts/lib/processes';
