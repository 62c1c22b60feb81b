import { describe, expect, it } from 'vitest';
import { passwordLevel } from '../../src/ui/PasswordStrength';

describe('password strength hint', () => {
  it('calls anything under ten characters too short', () => {
    expect(passwordLevel('Abc!12345')).toBe('tooShort');
  });

  it('rates a long sentence as strong and a known weak start as weak', () => {
    expect(passwordLevel('kopi pagi di ruang BK 3')).toBe('strong');
    expect(passwordLevel('password123')).toBe('weak');
  });

  it('counts length more than symbols', () => {
    const short = passwordLevel('Ab1!Ab1!Ab');
    const long = passwordLevel('teh manis sore hari di sekolah');
    const order = ['tooShort', 'weak', 'fair', 'good', 'strong'];
    expect(order.indexOf(long)).toBeGreaterThan(order.indexOf(short));
  });
});
