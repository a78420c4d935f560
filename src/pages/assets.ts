import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  /** The name it is served under, `/assets/<name>`: the content's hash is in it, so it may be cached forever. */
  readonly name: string;
  readonly type: string;
  readonly body: Buffer;
}

export interface PageAssets {
  /** The one stylesheet of every page. */
  readonly css: Asset;
  readonly font: Asset;
  /** What every page's script uses (calls to the API, digits, error sentences, a countdown): loaded first. */
  readonly common: Asset;
  readonly login: Asset;
  readonly account: Asset;
  byName(name: string): Asset | undefined;
}

/**
 * The package's root: the nearest folder above this module with a package.json. The same whether this runs
 * from src/pages/ (tsx) or from the bundle in dist/, so the assets are found from either.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pages: no package.json above the code, so the page assets cannot be found');
    dir = parent;
  }
  return dir;
}

function hashed(stem: string, extension: string, type: string, body: Buffer): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `${stem}.${hash}.${extension}`, type, body };
}

/**
 * Reads the pages' CSS, scripts and font once, at start: a missing file fails the start, not a request.
 * The stylesheet names the font by its hashed name, so it is hashed after the name is put in.
 */
export function loadPageAssets(): PageAssets {
  const root = packageRoot();
  const own = (file: string) => readFileSync(join(root, 'src', 'pages', 'assets', file));
  // Resolved as Node resolves the package, from wherever this code runs (node_modules above it).
  const vazirmatn = dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json'));
  const font = hashed(
    'vazirmatn',
    'woff2',
    'font/woff2',
    readFileSync(join(vazirmatn, 'fonts', 'webfonts', 'Vazirmatn[wght].woff2')),
  );
  const cssText = own('pages.css').toString('utf8').replaceAll('__FONT_URL__', `/assets/${font.name}`);
  const css = hashed('pages', 'css', 'text/css; charset=utf-8', Buffer.from(cssText));
  const script = (stem: string) => hashed(stem, 'js', 'text/javascript; charset=utf-8', own(`${stem}.js`));
  const [common, login, account] = [script('common'), script('login'), script('account')];
  const all = new Map([css, font, common, login, account].map((asset) => [asset.name, asset]));
  return { css, font, common, login, account, byName: (name) => all.get(name) };
}
