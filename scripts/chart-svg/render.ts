/**
 * Draws chart props as a standalone SVG file with the site's own OrgChart
 * component, so a file attached to a pull request looks exactly like the
 * chart on the site. Run under scripts/chart-svg/tsconfig.json, which points
 * Docusaurus's client modules at inert stand-ins.
 */
import {createRequire} from 'node:module';
import type {OrgChartData} from '@site/packages/org-handbook/src/org/chart';

// CSS modules only name classes for the site's stylesheet; the SVG's own presentation attributes draw it alone.
const require = createRequire(import.meta.url);
require.extensions['.css'] = (module) => {
  module.exports = {__esModule: true, default: new Proxy({}, {get: (_, key) => String(key)})};
};

export async function chartToSvg(chart: OrgChartData): Promise<string> {
  const [{createElement}, {renderToStaticMarkup}, {default: OrgChart}] = await Promise.all([
    import('react'),
    import('react-dom/server'),
    import('@site/packages/org-handbook/src/theme/OrgChart'),
  ]);
  const html = renderToStaticMarkup(createElement(OrgChart, {chart}));
  const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + '</svg>'.length);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
