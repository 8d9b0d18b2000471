import { PHONE_MODAL } from '../../../../src/blocks/ids.js';
import { readPhoneForm } from '../../../../src/listeners/views/phone-system-form.js';

const values = (seconds: string | null | undefined, label?: string | null) => ({
  [PHONE_MODAL.connectedSecondsBlock]: { [PHONE_MODAL.action]: { value: seconds } },
  ...(label === undefined ? {} : { [PHONE_MODAL.tokenLabelBlock]: { [PHONE_MODAL.action]: { value: label } } }),
});

describe('readPhoneForm', () => {
  it('reads the threshold and a trimmed label; an empty label (or none, at the token limit) creates no token', () => {
    expect(readPhoneForm(values(' 45 ', '  Aircall '))).toEqual({ ok: true, form: { connectedCallSeconds: 45, tokenLabel: 'Aircall' } });
    expect(readPhoneForm(values('60', '   '))).toEqual({ ok: true, form: { connectedCallSeconds: 60, tokenLabel: undefined } });
    expect(readPhoneForm(values('60'))).toEqual({ ok: true, form: { connectedCallSeconds: 60, tokenLabel: undefined } });
  });

  it('gives every field its error', () => {
    const range = 'Use a whole number of seconds from 1 to 3600, e.g. 60.';
    for (const bad of ['0', '3601', '1.5', '-5', 'abc', '', null, undefined]) {
      expect(readPhoneForm(values(bad, 'ok'))).toEqual({ ok: false, errors: { [PHONE_MODAL.connectedSecondsBlock]: range } });
    }
    expect(readPhoneForm(values('0', 'é'.repeat(51)))).toEqual({
      ok: false,
      errors: { [PHONE_MODAL.connectedSecondsBlock]: range, [PHONE_MODAL.tokenLabelBlock]: 'Keep the name to 50 characters.' },
    });
    expect(readPhoneForm(values('60', 'é'.repeat(50)))).toMatchObject({ ok: true });
    expect(readPhoneForm(values('60', 'Air\u0007call'))).toEqual({
      ok: false,
      errors: { [PHONE_MODAL.tokenLabelBlock]: 'The name contains control characters; retype it without them.' },
    });
  });
});
