/** True for a path inside the deck (`img/chart.png`), false for URLs, anchors and data URIs. */
export function isLocalPath(href: string): boolean {
  return href !== "" && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href);
}
