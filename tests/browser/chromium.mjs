// Headless Chromium for the browser tests: Debian's package (browser downloads are not
// available), or $CHROMIUM. launch() gives every run a fresh temporary profile; the networking
// flags keep Chromium from calling home (the machine may have no network).
import { chromium } from 'playwright-core';

export function launch(timeout) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    timeout,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run'],
  });
}
