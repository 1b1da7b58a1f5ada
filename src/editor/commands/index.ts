/** Every named command, for the key maps to refer to. */
import type { Command } from './command.js';
import { editing } from './editing.js';
import { menu } from './menu.js';
import { motion } from './motion.js';
import { search } from './search.js';
import { vi } from './vi.js';

export const commands: Readonly<Record<string, Command>> = Object.freeze({ ...editing, ...motion, ...menu, ...search, ...vi });
