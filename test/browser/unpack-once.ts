// Unpacks the bundled Chromium into the cache folder given as the argument
// and prints the executable; bundled-chromium.test.ts runs two at once.
import { bundledChromium, bundledPackage } from './bundled-chromium.ts';

const pkg = bundledPackage();
if (!pkg) throw new Error('@sparticuz/chromium is not installed: run npm install.');
console.log(bundledChromium(process.argv[2]!, pkg).executablePath);
