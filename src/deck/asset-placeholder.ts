/** The text that stands for asset `index` in rendered HTML until the bundler gives its URL. */
export function assetPlaceholder(index: number): string {
  return `__deck_asset_${index}__`;
}

/** Matches every asset placeholder; group 1 is the index. */
export const ASSET_PLACEHOLDER = /__deck_asset_(\d+)__/g;
