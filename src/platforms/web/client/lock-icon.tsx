// A padlock drawn in SVG: the emoji shows as an empty box where no emoji font is installed (Debian's Chromium).
export function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 16 16" width="0.9em" height="0.9em" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4 7V5a4 4 0 0 1 8 0v2h1a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1zm2 0h4V5a2 2 0 0 0-4 0v2z"
      />
    </svg>
  );
}
