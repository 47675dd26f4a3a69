// What a unit is told when a re-applied program moves its due.
export function reasonMoved(locale: 'vi' | 'en'): string {
  return locale === 'en' ? 'The work program was amended.' : 'Chương trình công tác đã được điều chỉnh.';
}
