/** The Sebaya mark: two peers side by side, one a step ahead of the other. Also drawn as the app icon. */
export function Logo({ size = 40, title }: { size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      <rect width="64" height="64" rx="14" fill="#0b7a6f" />
      <circle cx="25" cy="23" r="8" fill="#ffffff" />
      <path d="M10 50c0-9 6.7-15 15-15s15 6 15 15z" fill="#ffffff" />
      <circle cx="41" cy="27" r="7" fill="#9ee6d9" />
      <path d="M28.5 51c1-7.6 6.2-12.5 12.5-12.5S52.5 43.4 53.5 51z" fill="#9ee6d9" />
    </svg>
  );
}
