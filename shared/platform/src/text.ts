/** A LIKE/ILIKE pattern matching values that contain `text` literally (wildcards escaped). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
