import { describe, expect, it } from 'vitest';
import { idFromTitle, isPlaceholderId } from './ids.js';
import { smallDef } from './fixtures.js';
import { newNode } from './kinds.js';

describe('a palette node’s id follows its first title', () => {
  it('recognises the placeholder ids new nodes get, numbered or not', () => {
    expect(isPlaceholderId('new-task', 'task')).toBe(true);
    expect(isPlaceholderId('new-task-3', 'task')).toBe(true);
    expect(isPlaceholderId('end-2', 'end')).toBe(true);
    expect(isPlaceholderId('new-task', 'refer')).toBe(false);
    expect(isPlaceholderId('new-task-x', 'task')).toBe(false);
    expect(isPlaceholderId('engage', 'task')).toBe(false);
  });

  it('gives a new node an id made from its title', () => {
    const def = smallDef();
    const node = newNode('task', def);
    expect(node.id).toBe('new-task');
    const taken = new Set([...def.nodes.map((n) => n.id), node.id]);
    expect(idFromTitle(node, 'Call the patient (week 2)', taken)).toBe('call-the-patient-week-2');
  });

  it('keeps an id someone chose, and keeps the id while the title is empty', () => {
    const taken = new Set(['engage']);
    expect(idFromTitle({ id: 'engage', kind: 'task' }, 'First phone call', taken)).toBeNull();
    expect(idFromTitle({ id: 'new-task', kind: 'task' }, '  ', taken)).toBeNull();
    expect(idFromTitle({ id: 'new-task', kind: 'task' }, '!!!', taken)).toBeNull();
  });

  it('never takes another node’s id, and leaves an id that already matches', () => {
    const taken = new Set(['engage', 'new-task', 'end']);
    expect(idFromTitle({ id: 'new-task', kind: 'task' }, 'Engage', taken)).toBe('engage-2');
    expect(idFromTitle({ id: 'new-task', kind: 'task' }, 'New task', taken)).toBeNull();
    expect(idFromTitle({ id: 'end', kind: 'end' }, 'Remission', taken)).toBe('remission');
  });
});
