/**
 * Client module, registered by org-plugin.ts under `docusaurus start` only:
 * while the content has problems, every page shows them in a banner, in the
 * same `file:line:col` form the terminal prints. The list is a data file the
 * plugin rewrites on every change, so the bundler reloads the page when it
 * changes; an empty list removes the banner.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import problems from '@generated/org-handbook/default/dev-problems.json';

interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

const BANNER_ID = 'org-handbook-problems';

function render(): void {
  if (!ExecutionEnvironment.canUseDOM) return;
  const list = problems as Problem[];
  let banner = document.getElementById(BANNER_ID);
  if (list.length === 0) {
    banner?.remove();
    return;
  }
  if (!banner) {
    banner = document.createElement('section');
    banner.id = BANNER_ID;
    banner.setAttribute('role', 'alert');
    banner.setAttribute('aria-label', 'Problems in the handbook structure');
    Object.assign(banner.style, {
      position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '1000', maxHeight: '40vh', overflow: 'auto',
      padding: '0.75rem 1rem', background: '#7a1010', color: '#fff', font: '14px/1.4 monospace',
    });
    document.body.appendChild(banner);
  }
  const heading = document.createElement('strong');
  heading.textContent = `${list.length} problem${list.length === 1 ? '' : 's'} in the handbook's structure (pages show the last good structure until fixed):`;
  const items = document.createElement('ul');
  for (const problem of list) {
    const item = document.createElement('li');
    item.textContent = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
    items.appendChild(item);
  }
  banner.replaceChildren(heading, items);
}

render();

export function onRouteDidUpdate(): void {
  render();
}
