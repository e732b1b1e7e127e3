/**
 * Sizes each stretched element of a slide (`.r-stretch` or `.stretch`, a direct child) to the
 * height the slide has left, as reveal.js does on screen; an image or video keeps its proportions
 * within the slide's width. For the handout, where reveal.js does not lay slides out.
 */
export function stretchElements(section: HTMLElement, width: number, height: number): void {
  for (const element of section.querySelectorAll<HTMLElement>(
    ":scope > .r-stretch, :scope > .stretch",
  )) {
    // What the rest of the slide takes, measured with the element at no height.
    element.style.height = "0px";
    section.style.height = "auto";
    section.style.bottom = "auto";
    const remaining = Math.max(0, height - section.offsetHeight);
    section.style.removeProperty("height");
    section.style.removeProperty("bottom");
    const media =
      element instanceof HTMLImageElement
        ? { w: element.naturalWidth, h: element.naturalHeight }
        : element instanceof HTMLVideoElement
          ? { w: element.videoWidth, h: element.videoHeight }
          : undefined;
    if (media && media.w > 0 && media.h > 0) {
      const scale = Math.min(width / media.w, remaining / media.h);
      element.style.width = `${media.w * scale}px`;
      element.style.height = `${media.h * scale}px`;
    } else {
      element.style.width = `${width}px`;
      element.style.height = `${remaining}px`;
    }
  }
}
