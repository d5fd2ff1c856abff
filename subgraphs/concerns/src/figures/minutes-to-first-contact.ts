/**
 * SQL: the whole minutes, rounded up, from a concern's registration to its first contact (null when
 * there was none). The figures count a concern and its tombstone by these minutes alike (retention
 * stores them in `concern_tombstones.minutes_to_first_contact`), so deleting a concern never moves a
 * past month's figures; rounded up, "within N whole minutes" is exactly "by registration + N minutes".
 */
export const minutesToFirstContactSql = (alias: string) =>
  `ceil(extract(epoch FROM ${alias}.first_contact_at - ${alias}.registered_at) / 60)::int`;

/** Whether minutes to first contact (null: none yet) are within the answer time, CONCERN_ANSWER_HOURS. */
export const answeredInTime = (minutes: number | null, answerHours: number) => minutes !== null && minutes <= answerHours * 60;
