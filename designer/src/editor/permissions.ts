import type { Role } from '../api/client.js';

/** Mirrors the server's permissions (designing, publishing and setting live are separate). */
export const canDesign = (r: Role) => r === 'admin' || r === 'designer';
export const canPublish = (r: Role) => r === 'admin' || r === 'publisher';
