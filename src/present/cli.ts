import { parseArgs } from "node:util";
import QRCode from "qrcode";
import { buildFromEnvironment } from "../vite/build-command.ts";
import { isLoopback } from "./access.ts";
import { startPresentServer } from "./present-server.ts";

const USAGE = `Usage: npm run present -- [--remote] [--host ADDRESS] [--port N]

  --remote        let a phone on the same network drive the deck: prints its URL (with a fresh
                  secret token) and a QR code of it; without it, nothing listens beyond 127.0.0.1
  --host ADDRESS  the address to listen on (with --remote; default: every network of this machine)
  --port N        the port (default: 8080)`;

function options() {
  const { values } = parseArgs({
    options: {
      remote: { type: "boolean", default: false },
      host: { type: "string" },
      port: { type: "string", default: "8080" },
      help: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number, not ${values.port}`);
  }
  const host = values.host ?? (values.remote ? "0.0.0.0" : "127.0.0.1");
  if (!values.remote && !isLoopback(host) && host !== "localhost") {
    throw new Error(
      `--host ${host} opens the deck to the network: add --remote, which needs a token`,
    );
  }
  return { remote: values.remote, host, port, help: values.help };
}

/**
 * `npm run present`: builds the deck when it changed, serves it, and with `--remote` serves the
 * phone's remote too. Runs until Ctrl-C, which closes every connection: no process is left.
 */
async function main(): Promise<number> {
  let chosen: ReturnType<typeof options>;
  try {
    chosen = options();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (chosen.help) {
    console.log(USAGE);
    return 0;
  }
  const built = await buildFromEnvironment();
  if (!built) return 1;
  let server: Awaited<ReturnType<typeof startPresentServer>>;
  try {
    server = await startPresentServer({ distDir: built.outDir, ...chosen });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === "EADDRINUSE"
        ? `error: port ${chosen.port} is in use; choose another with --port`
        : `error: cannot listen on ${chosen.host}:${chosen.port}: ${(error as Error).message}`,
    );
    return 1;
  }
  console.log(`deck:      ${server.url}`);
  console.log(`presenter: ${server.url}?presenter`);
  if (server.remoteUrl) {
    console.log(`remote: ${server.remoteUrl}`);
    console.log(await QRCode.toString(server.remoteUrl, { type: "terminal", small: true }));
    // The first network may be a VPN's or a container's: the others, for a phone that cannot reach it.
    for (const other of server.otherRemoteUrls) console.log(`   or: ${other}`);
    console.log(
      "Open the remote URL on your phone (same Wi-Fi), or scan the code. Keep it secret.",
    );
  }
  console.log("Ctrl-C stops the server.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  console.log("stopped");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
