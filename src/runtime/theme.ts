/**
 * Picks the theme: `?theme=name` when it names a bundled theme, else the deck setting. Themes are
 * CSS custom properties on :root[data-theme="name"] (see themes/), so switching is one attribute.
 */
export function chooseTheme(search: string, setting: string, themes: readonly string[]): string {
  const asked = new URLSearchParams(search).get("theme");
  return asked && themes.includes(asked) ? asked : setting;
}

/** Applies a theme to the page. */
export function applyTheme(theme: string, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}
