import { PassThrough } from "node:stream";
import puppeteer from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { PipeTransport, PUPPETEER_DEFAULT_ARGS } from "../../src/browser/chromium-process.ts";

describe("Chromium started before puppeteer", () => {
  it("gets the command line puppeteer's own launch gives the headless shell", () => {
    expect(PUPPETEER_DEFAULT_ARGS).toEqual(puppeteer.defaultArgs({ headless: "shell" }));
  });
});

describe("the DevTools pipe", () => {
  function pipes() {
    const toBrowser = new PassThrough();
    const fromBrowser = new PassThrough();
    const transport = new PipeTransport(toBrowser, fromBrowser);
    const received: string[] = [];
    transport.onmessage = (message) => received.push(message);
    return { toBrowser, fromBrowser, transport, received };
  }

  it("hands on each NUL-separated message whole, however the bytes arrive", async () => {
    const { fromBrowser, received } = pipes();
    const text = '{"id":1,"result":{"é":"ü"}}\0{"id":2}\0{"method":"Target.attached"}\0';
    const bytes = Buffer.from(text);
    // Split inside a message, inside a two-byte character, and right after a separator.
    for (const [start, end] of [
      [0, 5],
      [5, 17],
      [17, 29],
      [29, 40],
      [40, bytes.length],
    ] as const) {
      fromBrowser.write(bytes.subarray(start, end));
    }
    await expect.poll(() => received.length).toBe(3);
    expect(received).toEqual([
      '{"id":1,"result":{"é":"ü"}}',
      '{"id":2}',
      '{"method":"Target.attached"}',
    ]);
  });

  it("writes each message followed by a NUL, and reports the browser's end as close", async () => {
    const { toBrowser, fromBrowser, transport } = pipes();
    const written: Buffer[] = [];
    toBrowser.on("data", (chunk: Buffer) => written.push(chunk));
    let closed = false;
    transport.onclose = () => {
      closed = true;
    };
    transport.send('{"id":1,"method":"Browser.getVersion"}');
    transport.send('{"id":2}');
    await expect
      .poll(() => Buffer.concat(written).toString())
      .toBe('{"id":1,"method":"Browser.getVersion"}\0{"id":2}\0');
    fromBrowser.destroy();
    await expect.poll(() => closed).toBe(true);
  });
});
