import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
  /** The one stylesheet of every hosted page (pages.css). */
  readonly css: Asset;
  readonly font: Asset;
  /** What every page's script uses (calls to the API, digits, error sentences, a countdown): loaded first. */
  readonly common: Asset;
  readonly login: Asset;
  readonly account: Asset;
  /** Sign-in through the Telegram bot: loaded only by a page that offers it. */
  readonly telegram: Asset;
  /** An asset by its served (hashed) name. */
  byName(name: string): Asset | undefined;
  /** A stylesheet or script of src/pages/assets by its file name (`console.js`); a missing one throws. */
  file(fileName: string): Asset;
}

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

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
 * Reads the pages' stylesheets, scripts and font once, at start: a missing file fails the start, not a
 * request. Stylesheets name the font by its hashed name, so they are hashed after the name is put in.
 */
export function loadPageAssets(): PageAssets {
  const root = packageRoot();
  const folder = join(root, 'src', 'pages', 'assets');
  // Resolved as Node resolves the package, from wherever this code runs (node_modules above it).
  const vazirmatn = dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json'));
  const font = hashed(
    'vazirmatn',
    'woff2',
    'font/woff2',
    readFileSync(join(vazirmatn, 'fonts', 'webfonts', 'Vazirmatn[wght].woff2')),
  );
  const files = new Map<string, Asset>();
  // `_base.css` is not served: every stylesheet starts with it, where it says `/* __BASE__ */`.
  const base = readFileSync(join(folder, '_base.css'), 'utf8');
  for (const fileName of readdirSync(folder).sort()) {
    const match = /^([a-z][\w-]*)\.(css|js)$/.exec(fileName);
    if (!match) continue;
    const [, stem, extension] = match as unknown as [string, string, 'css' | 'js'];
    let body = readFileSync(join(folder, fileName));
    if (extension === 'css') {
      const text = body.toString('utf8').replace('/* __BASE__ */', base);
      body = Buffer.from(text.replaceAll('__FONT_URL__', `/assets/${font.name}`));
    }
    files.set(fileName, hashed(stem, extension, TYPES[extension]!, body));
  }
  const file = (fileName: string): Asset => {
    const asset = files.get(fileName);
    if (!asset) throw new Error(`pages: no asset ${fileName} in src/pages/assets`);
    return asset;
  };
  const all = new Map([font, ...files.values()].map((asset) => [asset.name, asset]));
  return {
    css: file('pages.css'),
    common: file('common.js'),
    login: file('login.js'),
    account: file('account.js'),
    telegram: file('telegram.js'),
    font,
    byName: (name) => all.get(name),
    file,
  };
}
