// axe-core on every page in light mode, at 1280 and 360 px (see support/axe.ts).
import {defineAxeTests} from './support/axe';

defineAxeTests('light');
