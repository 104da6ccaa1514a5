import { describe, expect, it } from 'vitest';
import { ROW_SCHEMAS } from './index.js';

describe('row schemas', () => {
  it('read a participant row tolerantly, in French and Spanish too', () => {
    const r = ROW_SCHEMAS.Participants.safeParse({
      participantId: 'P1', delegationId: 'D-CHE', givenName: ' Ana ', familyName: 'Ruiz', gender: 'Femme ',
      role: 'Jefa de delegación', participation: 'présentiel', registeredOn: '27 May 2026',
    });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ gender: 'Woman', role: 'Head of delegation', participation: 'In person', registeredOn: '2026-05-27', status: 'Registered', givenName: 'Ana' });
  });

  it('name the failing column and say what was expected', () => {
    const r = ROW_SCHEMAS.Participants.safeParse({ participantId: 'P1', delegationId: 'D', givenName: 'A', familyName: 'B', gender: 'Femmex', role: 'Delegate', participation: 'Online' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['gender']);
    expect((r.error?.issues[0] as { params?: { expected: string } }).params?.expected).toBe('a gender: one of Woman, Man, Other, Not stated');
  });
});
